package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times a read or write on a socket's stream; the detail is the socket, read only when reported. */
public final class ParentSocketAdvice {
    private ParentSocketAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter() {
        return BlockwatchRuntime.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.FieldValue("parent") Object socket) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, socket);
        }
    }
}
