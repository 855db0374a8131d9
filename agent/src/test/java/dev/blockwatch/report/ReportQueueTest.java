package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The bounded hand-over to the writer: order, capacity, and what counts as dropped. */
class ReportQueueTest {
    private static SlowCallReport finalReport(long callId) {
        return new ReportBuilder().callId(callId).build();
    }

    private static SlowCallReport inProgressReport(long callId) {
        return new ReportBuilder().callId(callId).inProgress(true).build();
    }

    @Test
    void reportsComeOutInTheOrderTheyWentIn() {
        ReportQueue queue = new ReportQueue(3);
        SlowCallReport first = finalReport(1);
        SlowCallReport second = inProgressReport(2);
        SlowCallReport third = finalReport(2);
        queue.offer(first);
        queue.offer(second);
        queue.offer(third);

        assertSame(first, queue.poll());
        assertSame(second, queue.poll());
        assertSame(third, queue.poll());
        assertNull(queue.poll());
        assertEquals(0, queue.dropped());
    }

    @Test
    void finalReportsBeyondCapacityAreDroppedAndCounted() {
        ReportQueue queue = new ReportQueue(2);
        SlowCallReport first = finalReport(1);
        SlowCallReport second = finalReport(2);
        queue.offer(first);
        queue.offer(second);
        queue.offer(finalReport(3));
        queue.offer(finalReport(4));
        queue.offer(finalReport(5));

        assertEquals(3, queue.dropped());
        assertSame(first, queue.poll());
        assertSame(second, queue.poll());
        assertNull(queue.poll());
    }

    @Test
    void inProgressReportsBeyondCapacityAreDroppedUncounted() {
        ReportQueue queue = new ReportQueue(1);
        SlowCallReport kept = finalReport(1);
        queue.offer(kept);
        queue.offer(inProgressReport(2));
        queue.offer(inProgressReport(3));

        assertEquals(0, queue.dropped());
        assertSame(kept, queue.poll());
        assertNull(queue.poll());
    }

    @Test
    void takingAReportMakesRoomForAnother() {
        ReportQueue queue = new ReportQueue(1);
        queue.offer(finalReport(1));
        queue.poll();
        SlowCallReport next = finalReport(2);
        queue.offer(next);

        assertSame(next, queue.poll());
        assertEquals(0, queue.dropped());
    }

    @Test
    void concurrentOffersKeepExactlyTheCapacityAndCountTheRest() throws InterruptedException {
        int capacity = 100;
        int threads = 4;
        int offersPerThread = 500;
        ReportQueue queue = new ReportQueue(capacity);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> offerers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread offerer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < offersPerThread; i++) {
                    queue.offer(finalReport(i));
                }
            });
            offerer.start();
            offerers.add(offerer);
        }
        start.countDown();
        for (Thread offerer : offerers) {
            offerer.join();
        }

        int queued = 0;
        while (queue.poll() != null) {
            queued++;
        }
        assertEquals(capacity, queued);
        assertEquals(threads * offersPerThread - capacity, queue.dropped());
    }
}
