package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Detail;
import dev.blockwatch.instrument.Operation;
import java.nio.channels.spi.AbstractSelectableChannel;
import net.bytebuddy.asm.Advice;

/**
 * Times a call on a selectable channel only in blocking mode. A non-blocking call never blocks:
 * every read and write of a NIO event loop comes through here and costs one field read.
 */
public final class BlockingModeCallAdvice {
    private BlockingModeCallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter(@Advice.This AbstractSelectableChannel channel, @Operation String operation,
                                    @Detail Object subject) {
        return channel.isBlocking() ? BlockwatchRuntime.enter(operation, subject) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation,
                            @Detail Object detail) {
        if (call != null) {
            BlockwatchRuntime.exit(call, category, operation, detail);
        }
    }
}
