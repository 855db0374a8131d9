package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import net.bytebuddy.asm.Advice;

/**
 * Marks a thread that waits in a Selector as an event loop. The wait itself is the loop's
 * legitimate idle time and is never timed.
 */
public final class SelectorWaitAdvice {
    private SelectorWaitAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
        BlockwatchRuntime.selectorWait();
    }
}
