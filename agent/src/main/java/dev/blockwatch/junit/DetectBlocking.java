package dev.blockwatch.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test whose watched threads (event loops, unless {@link #threads} says otherwise) made a
 * blocking call over the threshold while the test ran; the failure lists each call with its
 * site and stack. On a test class it applies to every test; on a method it replaces the class's.
 * blockwatch is started in the test JVM if it is not there yet.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BlockwatchExtension.class)
public @interface DetectBlocking {
    /** Calls that take at least this long fail the test, such as {@code "50ms"}; empty for the agent's threshold. */
    String threshold() default "";

    /**
     * {@code "event-loop"} or {@code "all"}: which threads are watched; empty for the agent's
     * choice (event loops unless the agent was given {@code threads=all}).
     */
    String threads() default "";

    /** The categories that fail a test, such as {@code {"file", "sleep"}}; empty for all that are instrumented. */
    String[] categories() default {};

    /**
     * Calls made inside these (at any depth) do not fail a test: {@code com.example.Type#method}
     * or {@code com.example.Type}.
     */
    String[] allow() default {};
}
