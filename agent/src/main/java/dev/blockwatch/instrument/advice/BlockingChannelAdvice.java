package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times a call on a channel in blocking mode; non-blocking calls never block and cost one field read. The detail is the channel. */
public final class BlockingChannelAdvice {
    private BlockingChannelAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter(@Advice.This java.nio.channels.spi.AbstractSelectableChannel channel) {
        return channel.isBlocking() ? BlockwatchRuntime.enter() : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.This Object channel) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, channel);
        }
    }
}
