package dev.blockwatch.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.config.BadOptionException;
import dev.blockwatch.config.OptionSources;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Which threads are watched, each judged on itself, as the bootstrap runtime judges a thread
 * the first time it makes an instrumented call.
 */
class ThreadWatchPolicyTest {
    private static final long WAIT_SECONDS = 10;

    /** A thread and a verdict on it. */
    private record Verdict(Thread thread, boolean watched) {
    }

    private static ThreadWatchPolicy policy(String agentArgs) throws BadOptionException {
        return new ThreadWatchPolicy(OptionSources.load(agentArgs, new Properties(), Map.of()));
    }

    /** Runs {@code judge} on a thread of {@code executor}, about that thread. */
    private static Verdict judgedOn(Executor executor, Predicate<Thread> judge) throws Exception {
        CompletableFuture<Verdict> verdict = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                Thread current = Thread.currentThread();
                verdict.complete(new Verdict(current, judge.test(current)));
            } catch (RuntimeException | Error e) {
                verdict.completeExceptionally(e);
            }
        });
        return verdict.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static Verdict judgedOn(Executor executor, ThreadWatchPolicy policy) throws Exception {
        return judgedOn(executor, policy::isWatched);
    }

    private static Verdict judgedOnANewThread(String name, ThreadWatchPolicy policy) throws Exception {
        return judgedOn(task -> new Thread(task, name).start(), policy);
    }

    private static void shutDown(EventExecutorGroup group) {
        group.shutdownGracefully(0, WAIT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static void close(Vertx vertx) throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aNettyNioEventLoopIsWatched() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertTrue(judgedOn(group.next(), policy("")).watched());
        } finally {
            shutDown(group);
        }
    }

    @Test
    void aNettyDefaultEventExecutorGroupThreadIsNotWatched() throws Exception {
        assertOffloadThreadIsNotWatched(new DefaultEventExecutorGroup(1));
    }

    @Test
    void aNettyDefaultEventLoopGroupThreadIsNotWatched() throws Exception {
        assertOffloadThreadIsNotWatched(new DefaultEventLoopGroup(1));
    }

    /** A group users offload blocking handlers to: a Netty thread, but no I/O event loop. */
    private static void assertOffloadThreadIsNotWatched(EventExecutorGroup group) throws Exception {
        try {
            Verdict verdict = judgedOn(group.next(), policy(""));

            assertInstanceOf(FastThreadLocalThread.class, verdict.thread());
            assertFalse(verdict.watched());
        } finally {
            shutDown(group);
        }
    }

    @Test
    void aVertxEventLoopIsWatched() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            ThreadWatchPolicy policy = policy("");
            Verdict onVertx = judgedOn(task -> vertx.runOnContext(ignored -> task.run()), policy);
            Context context = vertx.getOrCreateContext();
            Verdict onContext = judgedOn(task -> context.runOnContext(ignored -> task.run()), policy);
            Verdict asVertxLoop = judgedOn(task -> context.runOnContext(ignored -> task.run()),
                    VertxEventLoops::isEventLoop);

            String loopName = onVertx.thread().getName();
            assertTrue(loopName.startsWith("vert.x-eventloop-thread-"), loopName);
            assertTrue(onVertx.watched());
            assertTrue(onContext.watched(), onContext.thread().getName());
            assertTrue(asVertxLoop.watched(), "recognised as a Vert.x event loop, not only as a Netty one");
        } finally {
            close(vertx);
        }
    }

    @Test
    void aVertxWorkerThreadIsNotWatched() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Executor workerPool = task -> vertx.executeBlocking(() -> {
                task.run();
                return null;
            });
            Verdict verdict = judgedOn(workerPool, policy(""));

            String workerName = verdict.thread().getName();
            assertTrue(workerName.startsWith("vert.x-worker-thread-"), workerName);
            assertFalse(verdict.watched());
            assertFalse(judgedOn(workerPool, VertxEventLoops::isEventLoop).watched());
        } finally {
            close(vertx);
        }
    }

    @Test
    void aReactorParallelThreadIsWatched() throws Exception {
        Scheduler parallel = Schedulers.newParallel("bw-parallel", 1);
        try {
            Verdict verdict = judgedOn(parallel::schedule, policy(""));

            assertTrue(verdict.thread().getName().startsWith("bw-parallel-"), verdict.thread().getName());
            assertTrue(verdict.watched());
        } finally {
            parallel.dispose();
        }
    }

    @Test
    void aReactorBoundedElasticThreadIsNotWatched() throws Exception {
        Scheduler boundedElastic = Schedulers.newBoundedElastic(1, 10, "bw-elastic");
        try {
            Verdict verdict = judgedOn(boundedElastic::schedule, policy(""));

            assertTrue(verdict.thread().getName().startsWith("bw-elastic-"), verdict.thread().getName());
            assertFalse(verdict.watched());
        } finally {
            boundedElastic.dispose();
        }
    }

    @Test
    void aPlainThreadIsNotWatched() throws Exception {
        assertFalse(judgedOnANewThread("plain", policy("")).watched());
    }

    @Test
    void everyThreadIsWatchedWithThreadsAll() throws Exception {
        ThreadWatchPolicy policy = policy("threads=all");
        EventExecutorGroup group = new DefaultEventExecutorGroup(1);
        try {
            assertTrue(judgedOnANewThread("plain", policy).watched());
            assertTrue(judgedOn(group.next(), policy).watched());
        } finally {
            shutDown(group);
        }
    }

    @Test
    void threadNamesMustMatchTheWholeName() throws Exception {
        ThreadWatchPolicy policy = policy("thread-names=worker-\\d+");

        assertTrue(judgedOnANewThread("worker-7", policy).watched());
        assertFalse(judgedOnANewThread("worker-7b", policy).watched());
        assertFalse(judgedOnANewThread("my-worker-7", policy).watched());
    }

    @Test
    void threadNamesAddToTheEventLoops() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ThreadWatchPolicy policy = policy("thread-names=offload-.*");

            assertTrue(judgedOn(group.next(), policy).watched());
            assertTrue(judgedOnANewThread("offload-1", policy).watched());
            assertFalse(judgedOnANewThread("other-1", policy).watched());
        } finally {
            shutDown(group);
        }
    }
}
