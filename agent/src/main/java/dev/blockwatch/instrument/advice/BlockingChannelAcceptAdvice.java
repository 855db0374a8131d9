package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times an accept on a server channel in blocking mode; the detail is the accepted channel. */
public final class BlockingChannelAcceptAdvice {
    private BlockingChannelAcceptAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter(@Advice.This java.nio.channels.spi.AbstractSelectableChannel channel) {
        return channel.isBlocking() ? BlockwatchRuntime.enter() : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.Return Object accepted) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, accepted);
        }
    }
}
