package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times a call whose second argument says what it is about (Files.copy from a stream to a path). */
public final class SecondArgumentAdvice {
    private SecondArgumentAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter() {
        return BlockwatchRuntime.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.Argument(1) Object subject) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, subject);
        }
    }
}
