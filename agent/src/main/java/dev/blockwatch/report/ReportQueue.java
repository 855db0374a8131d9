package dev.blockwatch.report;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded, lock-free hand-over from application threads to blockwatch's writer thread.
 * When it is full a report is dropped and counted; the application never waits.
 */
final class ReportQueue {
    private final ConcurrentLinkedQueue<SlowCallReport> reports = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;

    ReportQueue(int capacity) {
        this.capacity = capacity;
    }

    void offer(SlowCallReport report) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            if (!report.inProgress()) {
                dropped.incrementAndGet();
            }
            return;
        }
        reports.offer(report);
    }

    SlowCallReport poll() {
        SlowCallReport report = reports.poll();
        if (report != null) {
            size.decrementAndGet();
        }
        return report;
    }

    /** Final reports dropped since the agent started. */
    long dropped() {
        return dropped.get();
    }
}
