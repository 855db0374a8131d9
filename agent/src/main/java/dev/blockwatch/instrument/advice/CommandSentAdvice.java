package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import net.bytebuddy.asm.Advice;

/** Hands the command a client library is sending to the command call under way ({@link CommandCallAdvice}). */
public final class CommandSentAdvice {
    private CommandSentAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) Object command) {
        BlockwatchRuntime.subjectFound(command);
    }
}
