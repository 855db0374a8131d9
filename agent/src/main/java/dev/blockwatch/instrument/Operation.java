package dev.blockwatch.instrument;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds, as a string constant in advice, the operation reported for the instrumented method:
 * the public API the application called, e.g. {@code java.nio.channels.SocketChannel.read}
 * for {@code sun.nio.ch.SocketChannelImpl.read}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Operation {
}
