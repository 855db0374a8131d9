package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.blockwatch.instrument.advice.SelectorWaitAdvice;

/**
 * Not a family of blocking calls: the hook that makes any thread that waits in a
 * {@code java.nio.channels.Selector} an event loop, so a hand-written NIO server's loop is
 * watched with no configuration. The select itself is never timed.
 */
public final class SelectorWaitInstrumentation {
    private SelectorWaitInstrumentation() {
    }

    public static TypeAdvice type() {
        return TypeAdvice.of("sun.nio.ch.SelectorImpl")
                .hook(isPublic().and(namedOneOf("select", "selectNow")), SelectorWaitAdvice.class);
    }
}
