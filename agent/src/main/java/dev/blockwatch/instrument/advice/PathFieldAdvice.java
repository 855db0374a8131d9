package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times a call on a file stream or channel; the detail is the path it was opened with. */
public final class PathFieldAdvice {
    private PathFieldAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter() {
        return BlockwatchRuntime.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.FieldValue("path") String path) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, path);
        }
    }
}
