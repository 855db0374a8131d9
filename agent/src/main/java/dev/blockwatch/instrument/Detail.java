package dev.blockwatch.instrument;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds what a call is about (a path, a socket, a channel, an address) as the family's
 * {@link DetailSource} says: a field, an argument, the receiver or the returned value. It is
 * only turned into text for a reported call.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Detail {
}
