package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.none;
import static dev.blockwatch.instrument.DetailSource.self;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.blockwatch.config.Category;
import java.util.List;

/**
 * Waits: {@code LockSupport.park*}, which every {@code java.util.concurrent} wait ends in
 * (locks, latches, semaphores, queues, futures), reported as the {@code java.util.concurrent}
 * method the application called; {@code Thread.join}; {@code Object.wait} where it has a body
 * (on JDK 17 {@code wait(long)} is native: see below); {@code CompletableFuture.get} and
 * {@code join} themselves, whose future tells a Redis client's call from any other wait. An uncontended lock
 * never parks and is never timed.
 */
public final class WaitInstrumentation implements CallFamily {
    @Override
    public Category category() {
        return Category.WAIT;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                TypeAdvice.of("java.util.concurrent.locks.LockSupport")
                        .timeNamedByCaller(isPublic().and(isStatic()).and(namedOneOf("park", "parkNanos", "parkUntil")),
                                none(), "park", CallerApi.outermostIn("java.util.concurrent")),
                // timed here too, with the future as subject: a client library's future is its call
                TypeAdvice.of("java.util.concurrent.CompletableFuture")
                        .time(isPublic().and(not(isStatic())).and(namedOneOf("get", "join")), self()),
                TypeAdvice.of("java.lang.Thread")
                        .time(isPublic().and(named("join")), none()),
                TypeAdvice.of("java.lang.Object")
                        .time(isPublic().and(named("wait")).and(not(isNative())), none()));
    }
}
