package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times a call whose receiver says what it is about (a socket channel behind a socket adaptor). */
public final class ThisDetailAdvice {
    private ThisDetailAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter() {
        return BlockwatchRuntime.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.This Object self) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, self);
        }
    }
}
