package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times an accept; the detail is the accepted connection, null when none was accepted. */
public final class ReturnedSocketAdvice {
    private ReturnedSocketAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter() {
        return BlockwatchRuntime.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.Return Object accepted) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, accepted);
        }
    }
}
