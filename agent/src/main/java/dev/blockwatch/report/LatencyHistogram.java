package dev.blockwatch.report;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of durations in microseconds: exact below 32 us, then 32
 * buckets per power of two (within about 3%), so that percentiles cost a fixed 8 KiB per site
 * however many calls it sees.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int MAX_MAGNITUDE = 36;
    private static final int BUCKETS = (MAX_MAGNITUDE - SUB_BITS + 2) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet(bucketOf(Math.max(0, nanos / 1000)));
    }

    /** The duration in nanoseconds below which the given fraction of recorded calls fall. */
    long percentileNanos(double fraction) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return midpointMicros(i) * 1000;
            }
        }
        return midpointMicros(BUCKETS - 1) * 1000;
    }

    static int bucketOf(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) micros;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(micros);
        if (magnitude > MAX_MAGNITUDE) {
            return BUCKETS - 1;
        }
        int sub = (int) ((micros >>> (magnitude - SUB_BITS)) & (SUB_BUCKETS - 1));
        return (magnitude - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    static long lowerBoundMicros(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int magnitude = bucket / SUB_BUCKETS + SUB_BITS - 1;
        long sub = bucket % SUB_BUCKETS;
        return (SUB_BUCKETS + sub) << (magnitude - SUB_BITS);
    }

    private static long midpointMicros(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        long low = lowerBoundMicros(bucket);
        long width = 1L << (bucket / SUB_BUCKETS - 1);
        return low + width / 2;
    }
}
