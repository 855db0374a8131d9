package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.instrument.CategoryId;
import dev.blockwatch.instrument.Detail;
import dev.blockwatch.instrument.Operation;
import net.bytebuddy.asm.Advice;

/**
 * Times a public host name method ({@code InetAddress.getByName}...) as the outermost call, so
 * that whatever the JDK does inside it (reading its security configuration the first time)
 * is part of the one record; the call is reported only if it really asked the name service
 * ({@link NameServiceLookupAdvice}).
 */
public final class LookupCallAdvice {
    private LookupCallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static ThreadState enter(@Operation String operation, @Detail Object subject) {
        ThreadState call = BlockwatchRuntime.enter(operation, subject);
        if (call != null) {
            BlockwatchRuntime.awaitLookup(call);
        }
        return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter ThreadState call, @CategoryId int category, @Operation String operation) {
        if (call != null) {
            BlockwatchRuntime.exitLookup(call, category, operation);
        }
    }
}
