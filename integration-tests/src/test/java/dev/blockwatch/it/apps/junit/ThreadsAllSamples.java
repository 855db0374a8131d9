package dev.blockwatch.it.apps.junit;

import dev.blockwatch.junit.DetectBlocking;
import org.junit.jupiter.api.Test;

/**
 * A test that asks for every thread to be watched: a sleep on the test's own thread fails it.
 * Run after the others, since blockwatch started by the extension then watches every thread.
 */
public class ThreadsAllSamples {
    @Test
    @DetectBlocking(threshold = "50ms", threads = "all")
    void sleepsOnTheTestsOwnThread() throws InterruptedException {
        Thread.sleep(100); // sleeps on the test thread
    }
}
