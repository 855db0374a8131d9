package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Detail;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/**
 * Times a call that may block. Inlined into the instrumented method, so it may refer to the
 * bootstrap runtime only. It never changes the call's arguments, result or exception.
 */
public final class TimedCallAdvice {
    private TimedCallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter(@Operation String operation, @Detail Object subject) {
        return BlockwatchRuntime.enter(operation, subject);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation,
                            @Detail Object detail) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, detail);
        }
    }
}
