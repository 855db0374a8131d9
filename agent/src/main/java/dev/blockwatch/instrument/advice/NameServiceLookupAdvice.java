package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import net.bytebuddy.asm.Advice;

/** Tells the runtime that the JDK is asking the name service: the host name call around it is a lookup. */
public final class NameServiceLookupAdvice {
    private NameServiceLookupAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object hostOrAddress) {
        BlockwatchRuntime.lookupDone(hostOrAddress);
    }
}
