package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/** Times a connect on a channel in blocking mode; the detail is the address connected to. */
public final class BlockingChannelConnectAdvice {
    private BlockingChannelConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter(@Advice.This java.nio.channels.spi.AbstractSelectableChannel channel) {
        return channel.isBlocking() ? BlockwatchRuntime.enter() : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation, @Advice.Argument(0) Object remote) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, remote);
        }
    }
}
