package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.config.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Per-site counts, totals, maxima and percentiles, and their order. */
class SiteSummaryTest {
    private static final String READ = "java.io.FileInputStream.read";
    private static final String SLEEP = "java.lang.Thread.sleep";
    private static final long MILLI = 1_000_000;

    private static SiteSummary.SiteFigures only(List<SiteSummary.SiteFigures> figures) {
        assertEquals(1, figures.size(), "sites");
        return figures.get(0);
    }

    private static List<String> sites(List<SiteSummary.SiteFigures> figures) {
        return figures.stream().map(f -> f.site).collect(Collectors.toList());
    }

    @Test
    void aSiteHasItsCountTotalMaxAndPercentiles() {
        SiteSummary summary = new SiteSummary();
        summary.record("a.Handler.read(Handler.java:1)", Category.FILE, READ, 10 * MILLI);
        summary.record("a.Handler.read(Handler.java:1)", Category.FILE, READ, 30 * MILLI);
        summary.record("a.Handler.read(Handler.java:1)", Category.FILE, READ, 20 * MILLI);

        SiteSummary.SiteFigures figures = only(summary.figures());
        assertEquals("a.Handler.read(Handler.java:1)", figures.site);
        assertEquals(Category.FILE, figures.category);
        assertEquals(READ, figures.operation);
        assertEquals(3, figures.count);
        assertEquals(60 * MILLI, figures.totalNanos);
        assertEquals(30 * MILLI, figures.maxNanos);
        assertTrue(Math.abs(figures.p50Nanos - 20 * MILLI) <= 0.03 * 20 * MILLI, "p50 " + figures.p50Nanos);
        assertTrue(Math.abs(figures.p99Nanos - 30 * MILLI) <= 0.03 * 30 * MILLI, "p99 " + figures.p99Nanos);
    }

    @Test
    void percentilesNeverExceedTheMaximum() {
        long bucketStartNanos = LatencyHistogram.lowerBoundMicros(LatencyHistogram.bucketOf(20_000)) * 1000;
        SiteSummary summary = new SiteSummary();
        summary.record("a.Handler.read(Handler.java:1)", Category.FILE, READ, bucketStartNanos);

        SiteSummary.SiteFigures figures = only(summary.figures());
        assertEquals(bucketStartNanos, figures.maxNanos);
        assertEquals(bucketStartNanos, figures.p50Nanos);
        assertEquals(bucketStartNanos, figures.p99Nanos);
    }

    @Test
    void theSameLineWithAnotherOperationOrCategoryIsAnotherSite() {
        SiteSummary summary = new SiteSummary();
        summary.record("a.Handler.run(Handler.java:7)", Category.FILE, READ, MILLI);
        summary.record("a.Handler.run(Handler.java:7)", Category.FILE, "java.io.FileOutputStream.write", MILLI);
        summary.record("a.Handler.run(Handler.java:7)", Category.SLEEP, SLEEP, MILLI);
        summary.record("a.Handler.run(Handler.java:7)", Category.SLEEP, SLEEP, MILLI);

        List<SiteSummary.SiteFigures> figures = summary.figures();
        assertEquals(3, figures.size());
        assertEquals(4, figures.stream().mapToLong(f -> f.count).sum());
        assertEquals(SLEEP, figures.get(0).operation);
        assertEquals(2, figures.get(0).count);
    }

    @Test
    void sitesComeCostliestFirstThenBySite() {
        SiteSummary summary = new SiteSummary();
        summary.record("b.Cheap.run(Cheap.java:1)", Category.FILE, READ, 5 * MILLI);
        summary.record("c.Tied.run(Tied.java:1)", Category.FILE, READ, 40 * MILLI);
        summary.record("d.Frequent.run(Frequent.java:1)", Category.FILE, READ, 30 * MILLI);
        summary.record("d.Frequent.run(Frequent.java:1)", Category.FILE, READ, 30 * MILLI);
        summary.record("a.Tied.run(Tied.java:1)", Category.FILE, READ, 40 * MILLI);

        assertEquals(List.of("d.Frequent.run(Frequent.java:1)", "a.Tied.run(Tied.java:1)", "c.Tied.run(Tied.java:1)",
                "b.Cheap.run(Cheap.java:1)"), sites(summary.figures()));
    }

    @Test
    void anEmptySummaryHasNoSites() {
        assertEquals(List.of(), new SiteSummary().figures());
    }

    @Test
    void callsRecordedFromManyThreadsAtOnceAreAllCounted() throws InterruptedException {
        int threads = 4;
        int callsPerThread = 20_000;
        SiteSummary summary = new SiteSummary();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long threadNumber = t + 1;
            Thread recorder = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int call = 1; call <= callsPerThread; call++) {
                    String site = call % 2 == 0 ? "a.Even.run(Even.java:1)" : "a.Odd.run(Odd.java:1)";
                    summary.record(site, Category.FILE, READ, threadNumber * call);
                }
            });
            recorder.start();
            recorders.add(recorder);
        }
        start.countDown();
        for (Thread recorder : recorders) {
            recorder.join();
        }

        long evenSum = 0;
        long oddSum = 0;
        for (int call = 1; call <= callsPerThread; call++) {
            if (call % 2 == 0) {
                evenSum += call;
            } else {
                oddSum += call;
            }
        }
        long threadNumberSum = threads * (threads + 1) / 2;
        List<SiteSummary.SiteFigures> figures = summary.figures();
        assertEquals(List.of("a.Even.run(Even.java:1)", "a.Odd.run(Odd.java:1)"), sites(figures));
        for (SiteSummary.SiteFigures site : figures) {
            assertEquals(threads * callsPerThread / 2, site.count, site.site);
        }
        assertEquals(threadNumberSum * evenSum, figures.get(0).totalNanos);
        assertEquals(threadNumberSum * oddSum, figures.get(1).totalNanos);
        assertEquals((long) threads * callsPerThread, figures.get(0).maxNanos);
        assertEquals((long) threads * (callsPerThread - 1), figures.get(1).maxNanos);
    }
}
