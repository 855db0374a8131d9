package dev.blockwatch.benchmarks;

/**
 * Request latencies in nanoseconds, counted in log-linear buckets: exact below 512 ns, then 256 buckets per power of
 * two, so a percentile is off by at most 0.2% — finer than the 5% p99 target it is compared with — in a fixed
 * 66 KB whatever the count. Not thread-safe: each connection keeps its own and they are merged at the end.
 */
final class LatencyHistogram {
    private static final int SUB_BUCKET_BITS = 8;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** Values below this are their own bucket. */
    private static final int EXACT_LIMIT = 2 * SUB_BUCKETS;
    /** Latencies are capped at 2^40 ns, about 18 minutes, far beyond any request's time limit. */
    private static final int MAX_EXPONENT = 40;
    private static final long MAX_VALUE = (1L << MAX_EXPONENT) - 1;

    private final long[] counts = new long[EXACT_LIMIT + (MAX_EXPONENT - SUB_BUCKET_BITS - 1) * SUB_BUCKETS];
    private long total;

    void record(long nanos) {
        counts[index(Math.min(Math.max(nanos, 0), MAX_VALUE))]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /**
     * @param percentile such as 99 for p99
     * @return the smallest latency, in nanoseconds, that this share of the requests did not exceed: the middle of its
     *         bucket
     */
    double percentile(double percentile) {
        if (total == 0) {
            throw new IllegalStateException("no latency was recorded");
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middleOf(i);
            }
        }
        return middleOf(counts.length - 1);
    }

    private static int index(long value) {
        if (value < EXACT_LIMIT) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BUCKET_BITS;
        int subBucket = (int) (value >>> shift) - SUB_BUCKETS;
        return EXACT_LIMIT + (shift - 1) * SUB_BUCKETS + subBucket;
    }

    private static double middleOf(int index) {
        if (index < EXACT_LIMIT) {
            return index;
        }
        int shift = (index - EXACT_LIMIT) / SUB_BUCKETS + 1;
        long subBucket = (index - EXACT_LIMIT) % SUB_BUCKETS + SUB_BUCKETS;
        return (subBucket << shift) + (1L << shift) / 2.0;
    }
}
