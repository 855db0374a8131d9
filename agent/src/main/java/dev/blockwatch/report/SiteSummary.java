package dev.blockwatch.report;

import dev.blockwatch.config.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-site statistics of every reported call, kept on the calling thread without locks, so the
 * summary counts every call even when the queue to the sinks dropped its record.
 */
final class SiteSummary {
    /** One site, category and operation. */
    static final class SiteStats {
        final String site;
        final Category category;
        final String operation;
        final LongAdder count = new LongAdder();
        final LongAdder totalNanos = new LongAdder();
        final AtomicLong minNanos = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong maxNanos = new AtomicLong();
        final LatencyHistogram histogram = new LatencyHistogram();

        SiteStats(String site, Category category, String operation) {
            this.site = site;
            this.category = category;
            this.operation = operation;
        }
    }

    /** One site's figures at the moment of a summary. */
    static final class SiteFigures {
        final String site;
        final Category category;
        final String operation;
        final long count;
        final long totalNanos;
        final long maxNanos;
        final long p50Nanos;
        final long p99Nanos;

        SiteFigures(SiteStats stats) {
            this.site = stats.site;
            this.category = stats.category;
            this.operation = stats.operation;
            this.count = stats.count.sum();
            this.totalNanos = stats.totalNanos.sum();
            this.maxNanos = stats.maxNanos.get();
            // a bucket's midpoint may lie outside what was seen: keep percentiles within [min, max]
            long minNanos = Math.min(stats.minNanos.get(), maxNanos);
            this.p50Nanos = clamp(stats.histogram.percentileNanos(0.50), minNanos, maxNanos);
            this.p99Nanos = clamp(stats.histogram.percentileNanos(0.99), minNanos, maxNanos);
        }

        private static long clamp(long value, long min, long max) {
            return Math.max(min, Math.min(value, max));
        }
    }

    private final ConcurrentHashMap<String, SiteStats> sites = new ConcurrentHashMap<>();

    void record(String site, Category category, String operation, long durationNanos) {
        String key = category.optionName() + ' ' + operation + ' ' + site;
        SiteStats stats = sites.get(key);
        if (stats == null) {
            stats = sites.computeIfAbsent(key, k -> new SiteStats(site, category, operation));
        }
        stats.count.increment();
        stats.totalNanos.add(durationNanos);
        stats.minNanos.accumulateAndGet(durationNanos, Math::min);
        stats.maxNanos.accumulateAndGet(durationNanos, Math::max);
        stats.histogram.record(durationNanos);
    }

    /** Every site so far, the costliest (by total time) first. */
    List<SiteFigures> figures() {
        List<SiteFigures> figures = new ArrayList<>();
        for (SiteStats stats : sites.values()) {
            figures.add(new SiteFigures(stats));
        }
        figures.sort(Comparator.comparingLong((SiteFigures f) -> f.totalNanos).reversed()
                .thenComparing(f -> f.site == null ? "" : f.site));
        return figures;
    }
}
