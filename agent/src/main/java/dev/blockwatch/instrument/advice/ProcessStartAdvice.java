package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.StartedProcesses;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** Remembers the command of every process started, for the detail of a later {@code waitFor}. */
public final class ProcessStartAdvice {
    private ProcessStartAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return Object process, @Advice.FieldValue("command") List<String> command) {
        StartedProcesses.remember(process, command);
    }
}
