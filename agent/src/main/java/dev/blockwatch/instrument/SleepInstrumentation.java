package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.none;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.blockwatch.config.Category;
import java.util.List;

/**
 * {@code Thread.sleep}, every public overload that has a body. On JDK 17 {@code sleep(long)}
 * itself is native, which retransformation cannot wrap without adding a method; calls to it
 * are timed where they are made instead (see below).
 */
public final class SleepInstrumentation implements CallFamily {
    @Override
    public Category category() {
        return Category.SLEEP;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                TypeAdvice.of("java.lang.Thread")
                        .time(isPublic().and(isStatic()).and(named("sleep")).and(not(isNative())), none()));
    }
}
