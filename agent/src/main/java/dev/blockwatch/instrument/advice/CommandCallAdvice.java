package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/**
 * Times a client library's command method ({@code Jedis.blpop}) as one call, the command it
 * sends becoming its subject ({@link CommandSentAdvice}): the method's own arguments do not say
 * which command goes out, and every way of sending one passes through one place.
 */
public final class CommandCallAdvice {
    private CommandCallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter(@Operation String operation) {
        ThreadState call = BlockwatchRuntime.enter(operation, null);
        if (call != null) {
            BlockwatchRuntime.awaitSubject(call);
        }
        return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation) {
        if (call != null) {
            BlockwatchRuntime.exitWithSubject(call, category, operation);
        }
    }
}
