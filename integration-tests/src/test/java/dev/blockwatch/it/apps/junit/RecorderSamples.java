package dev.blockwatch.it.apps.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.BlockingCall;
import dev.blockwatch.BlockingCallRecording;
import dev.blockwatch.Blockwatch;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A custom assertion over {@link Blockwatch#record}: the calls it collected are printed, one line
 * each, for JunitExtensionTest to check, and only the one made while it was open is there.
 */
public class RecorderSamples {
    @Test
    void recordsTheCallsMadeWhileOpen() throws Exception {
        EventLoopGroup loop =
                new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("recorded-loop"), NioIoHandler.newFactory());
        try {
            loop.submit(() -> sleep(120)).get(); // before the recording: not collected
            List<BlockingCall> calls;
            try (BlockingCallRecording recording = Blockwatch.record("threshold=50ms,categories=sleep")) {
                loop.submit(() -> {
                    Thread.sleep(150); // recorded sleep
                    return null;
                }).get();
                loop.submit(() -> sleep(10)).get();
                recording.close();
                calls = recording.calls();
            }
            loop.submit(() -> sleep(120)).get(); // after the recording: not collected
            for (BlockingCall call : calls) {
                System.out.println("recorded call=" + call.category() + "|" + call.operation() + "|" + call.thread()
                        + "|" + call.duration().toNanos() / 1e6 + "|" + call.inProgress() + "|" + call.site());
            }
            assertEquals(1, calls.size(), "calls recorded: " + calls);
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
