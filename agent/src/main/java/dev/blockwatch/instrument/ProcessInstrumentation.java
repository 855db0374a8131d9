package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.self;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.config.Category;
import dev.blockwatch.instrument.advice.ProcessStartAdvice;
import java.util.List;

/**
 * Processes: {@code ProcessBuilder.start}, {@code Runtime.exec} and {@code Process.waitFor}.
 * The detail is the command: with {@code detail=redacted} only the program and the number of
 * arguments. Every start remembers its command, since a finished process no longer knows it.
 */
public final class ProcessInstrumentation implements CallFamily {
    @Override
    public Category category() {
        return Category.PROCESS;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                TypeAdvice.of("java.lang.ProcessBuilder")
                        .time(isPublic().and(named("start")).and(takesArguments(0)), self())
                        .hook(isPublic().and(named("start")).and(takesArguments(0)), ProcessStartAdvice.class),
                TypeAdvice.of("java.lang.Runtime")
                        .time(isPublic().and(named("exec")), argument(0)),
                TypeAdvice.of("java.lang.ProcessImpl", "java.lang.Process")
                        .time(isPublic().and(named("waitFor")), self()));
    }
}
