package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.instrument.CallerApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a call timed in a low-level method is named after the API the application called, on
 * stacks written out frame by frame, innermost first, as {@link Thread#getStackTrace()} gives them.
 */
class CallerOperationsTest {
    private static final String AWAIT_OR_CANCEL = "io.lettuce.core.internal.Futures.awaitOrCancel";
    private static final String PARK = "java.util.concurrent.locks.LockSupport.park";

    private static final CallerOperations OPERATIONS = new CallerOperations(Map.of(
            AWAIT_OR_CANCEL, CallerApi.proxied("io.lettuce.core.api.sync.RedisCommands", "io.lettuce.core"),
            PARK, CallerApi.outermostIn("java.util.concurrent")));

    /** Frames named {@code package.Class.method}, innermost first. */
    private static CapturedStack stack(String... frames) {
        StackTraceElement[] elements = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            int dot = frames[i].lastIndexOf('.');
            elements[i] = new StackTraceElement(frames[i].substring(0, dot), frames[i].substring(dot + 1),
                    null, -1);
        }
        return CapturedStack.of(elements);
    }

    @Test
    void aLettuceCommandIsNamedAfterTheProxyMethodTheApplicationCalled() {
        CapturedStack stack = stack(
                AWAIT_OR_CANCEL,
                "io.lettuce.core.FutureSyncInvocationHandler.handleInvocation",
                "io.lettuce.core.internal.AbstractInvocationHandler.invoke",
                "jdk.proxy2.$Proxy12.blpop",
                "com.example.jobs.Worker.next",
                "com.example.jobs.Worker.run",
                "java.lang.Thread.run");

        assertEquals("io.lettuce.core.api.sync.RedisCommands.blpop", OPERATIONS.name(AWAIT_OR_CANCEL, stack));
    }

    /** A stack taken from the blocked thread for an in-progress report starts in the JDK's wait. */
    @Test
    void aLettuceCommandInProgressIsNamedAfterTheProxyMethodBelowTheJdksWait() {
        CapturedStack stack = stack(
                "jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.locks.LockSupport.parkNanos",
                "java.util.concurrent.CompletableFuture.get",
                "io.lettuce.core.protocol.AsyncCommand.await",
                AWAIT_OR_CANCEL,
                "io.lettuce.core.FutureSyncInvocationHandler.handleInvocation",
                "io.lettuce.core.internal.AbstractInvocationHandler.invoke",
                "jdk.proxy2.$Proxy55.blpop",
                "com.example.jobs.Worker.next");

        assertEquals("io.lettuce.core.api.sync.RedisCommands.blpop", OPERATIONS.name(AWAIT_OR_CANCEL, stack));
    }

    @Test
    void aProxyClassOfAnOlderJdkIsAProxyToo() {
        CapturedStack stack = stack(
                AWAIT_OR_CANCEL,
                "io.lettuce.core.FutureSyncInvocationHandler.handleInvocation",
                "io.lettuce.core.internal.AbstractInvocationHandler.invoke",
                "com.sun.proxy.$Proxy7.get",
                "com.example.Cache.lookup");

        assertEquals("io.lettuce.core.api.sync.RedisCommands.get", OPERATIONS.name(AWAIT_OR_CANCEL, stack));
    }

    @Test
    void theProxyNearestTheCallNamesIt() {
        CapturedStack stack = stack(
                AWAIT_OR_CANCEL,
                "io.lettuce.core.FutureSyncInvocationHandler.handleInvocation",
                "io.lettuce.core.internal.AbstractInvocationHandler.invoke",
                "jdk.proxy2.$Proxy12.set",
                "com.example.users.RedisUserStore.save",
                "jdk.proxy3.$Proxy40.saveUser",
                "com.example.web.UserController.create");

        assertEquals("io.lettuce.core.api.sync.RedisCommands.set", OPERATIONS.name(AWAIT_OR_CANCEL, stack));
    }

    @Test
    void withoutAProxyTheOperationIsItself() {
        CapturedStack stack = stack(
                AWAIT_OR_CANCEL,
                "io.lettuce.core.LettuceFutures.awaitOrCancel",
                "com.example.Cache.lookup",
                "com.example.Main.main");

        assertEquals(AWAIT_OR_CANCEL, OPERATIONS.name(AWAIT_OR_CANCEL, stack));
        assertEquals(AWAIT_OR_CANCEL, OPERATIONS.name(AWAIT_OR_CANCEL, stack()));
    }

    /**
     * Lettuce's public {@code LettuceFutures.awaitOrCancel}, which Spring Data Redis's
     * {@code LettuceConnection} waits in for every command, also ends in
     * {@code Futures.awaitOrCancel}; a dynamic proxy further down the stack, such as a Spring
     * Data repository, does not stand for {@code RedisCommands}, and its method is no Redis command.
     */
    @Test
    void aProxyThatDidNotLeadIntoLettuceDoesNotNameTheCall() {
        CapturedStack stack = stack(
                AWAIT_OR_CANCEL,
                "io.lettuce.core.LettuceFutures.awaitOrCancel",
                "org.springframework.data.redis.connection.lettuce.LettuceConnection.await",
                "org.springframework.data.redis.core.RedisTemplate.execute",
                "org.springframework.data.redis.core.RedisKeyValueAdapter.get",
                "org.springframework.data.keyvalue.repository.support.SimpleKeyValueRepository.findById",
                "jdk.proxy2.$Proxy57.findById",
                "com.example.web.UserController.show");

        assertEquals(AWAIT_OR_CANCEL, OPERATIONS.name(AWAIT_OR_CANCEL, stack));
    }

    @Test
    void anOperationNamedByItselfKeepsItsNameWhateverTheStack() {
        CapturedStack stack = stack(
                "java.net.SocketInputStream.read",
                "jdk.proxy2.$Proxy12.get",
                "java.util.concurrent.FutureTask.run");

        assertEquals("java.net.SocketInputStream.read", OPERATIONS.name("java.net.SocketInputStream.read", stack));
    }

    @Test
    void aParkIsNamedAfterTheOutermostMethodOfTheApiPackage() {
        CapturedStack stack = stack(
                PARK,
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                "java.util.concurrent.locks.ReentrantLock$Sync.lock",
                "java.util.concurrent.locks.ReentrantLock.lock",
                "com.example.Ledger.post",
                "java.lang.Thread.run");

        assertEquals("java.util.concurrent.locks.ReentrantLock.lock", OPERATIONS.name(PARK, stack));
    }

    @Test
    void aParkIsNamedAfterTheFirstRunOfTheApiPackageNotAnOuterOne() {
        CapturedStack stack = stack(
                PARK,
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly",
                "java.util.concurrent.CountDownLatch.await",
                "com.example.Startup.awaitReady",
                "java.util.concurrent.FutureTask.run",
                "java.util.concurrent.ThreadPoolExecutor.runWorker",
                "java.util.concurrent.ThreadPoolExecutor$Worker.run",
                "java.lang.Thread.run");

        assertEquals("java.util.concurrent.CountDownLatch.await", OPERATIONS.name(PARK, stack));
    }

    @Test
    void anOutermostApiIsNotSeenThroughAProxy() {
        CapturedStack stack = stack(
                PARK,
                "java.util.concurrent.locks.ReentrantLock.lock",
                "jdk.proxy2.$Proxy12.lock",
                "com.example.Ledger.post");

        assertEquals("java.util.concurrent.locks.ReentrantLock.lock", OPERATIONS.name(PARK, stack));
    }

    @Test
    void aParkOutsideTheApiPackageIsItself() {
        CapturedStack stack = stack(
                "com.example.Spin.park",
                "com.example.Ledger.post");

        assertEquals(PARK, OPERATIONS.name(PARK, stack));
    }
}
