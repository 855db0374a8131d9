package dev.blockwatch.it.apps.junit;

import dev.blockwatch.junit.DetectBlocking;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Tests a team would write with {@code @DetectBlocking}, against a real Netty event loop. They are
 * run by {@link DetectBlockingRunner} in a child JVM (their names keep the build's own Surefire
 * away from them); some must fail, which JunitExtensionTest checks. The order matters only for the
 * pair that shows a call left running by one test does not fail the next.
 */
@DetectBlocking(threshold = "50ms")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class NettyLoopSamples {
    private static EventLoopGroup loop;
    private static DefaultEventExecutorGroup workers;

    @BeforeAll
    static void startLoop() {
        loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sample-loop"), NioIoHandler.newFactory());
        workers = new DefaultEventExecutorGroup(1, new DefaultThreadFactory("sample-worker"));
    }

    @AfterAll
    static void stopLoop() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    @Order(1)
    void sleepsOnTheEventLoop() throws Exception {
        loop.submit(() -> {
            Thread.sleep(150); // sleeps on the loop
            return null;
        }).get();
    }

    @Test
    @Order(2)
    void offloadsTheSleepToAWorker() throws Exception {
        workers.submit(() -> {
            Thread.sleep(150);
            return null;
        }).get();
    }

    @Test
    @Order(3)
    void leavesASleepRunningOnTheLoop() throws Exception {
        loop.execute(() -> sleep(400)); // left running on the loop
        Thread.sleep(120);
    }

    @Test
    @Order(4)
    void waitsForTheLoopWhileTheNeighboursSleepEnds() throws Exception {
        loop.submit(() -> { }).get();
    }

    @Test
    @Order(5)
    void sleepsUnderTheThreshold() throws Exception {
        loop.submit(() -> sleep(10)).get();
    }

    @Test
    @Order(6)
    @DetectBlocking(threshold = "50ms", allow = "dev.blockwatch.it.apps.junit.NettyLoopSamples#allowedSleep")
    void sleepsInAnAllowedMethod() throws Exception {
        loop.submit(NettyLoopSamples::allowedSleep).get();
    }

    @Test
    @Order(7)
    @DetectBlocking(threshold = "50ms", categories = "file")
    void sleepsWhereOnlyFileCallsCount() throws Exception {
        loop.submit(() -> sleep(150)).get();
    }

    @Test
    @Order(8)
    @DetectBlocking(threshold = "5ms")
    void sleepsOverALowerThresholdThanTheAgents() throws Exception {
        loop.submit(() -> {
            Thread.sleep(30); // over this test's threshold only
            return null;
        }).get();
    }

    private static void allowedSleep() {
        sleep(150);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
