package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bucket bounds, and percentiles read back from known distributions. */
class LatencyHistogramTest {
    private static final long DAY_MICROS = TimeUnit.DAYS.toMicros(1);
    private static final long MILLI = 1_000_000;

    private static void assertWithin(double fraction, long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected * fraction,
                () -> actual + " is not within " + fraction * 100 + "% of " + expected);
    }

    @Test
    void bucketLowerBoundsRiseStrictlyOverADay() {
        int lastBucket = LatencyHistogram.bucketOf(DAY_MICROS);
        for (int bucket = 1; bucket <= lastBucket; bucket++) {
            assertTrue(LatencyHistogram.lowerBoundMicros(bucket) > LatencyHistogram.lowerBoundMicros(bucket - 1),
                    "bucket " + bucket);
        }
    }

    @Test
    void everyDurationLiesWithinItsBucket() {
        for (long micros = 0; micros <= 100_000; micros++) {
            assertLiesWithinItsBucket(micros);
        }
        for (long micros = 100_000; micros <= DAY_MICROS; micros += micros / 997) {
            assertLiesWithinItsBucket(micros);
            assertLiesWithinItsBucket(micros - 1);
        }
    }

    private static void assertLiesWithinItsBucket(long micros) {
        int bucket = LatencyHistogram.bucketOf(micros);
        assertTrue(LatencyHistogram.lowerBoundMicros(bucket) <= micros, () -> micros + " below bucket " + bucket);
        assertTrue(micros < LatencyHistogram.lowerBoundMicros(bucket + 1), () -> micros + " above bucket " + bucket);
    }

    @Test
    void bucketsFromThirtyTwoMicrosecondsAreAtMostAThirtySecondOfTheirLowerBoundWide() {
        int lastBucket = LatencyHistogram.bucketOf(DAY_MICROS);
        for (int bucket = LatencyHistogram.bucketOf(32); bucket <= lastBucket; bucket++) {
            long low = LatencyHistogram.lowerBoundMicros(bucket);
            long width = LatencyHistogram.lowerBoundMicros(bucket + 1) - low;
            assertTrue(width * 32 <= low, "bucket " + bucket + " from " + low + " us is " + width + " us wide");
        }
    }

    @Test
    void bucketsNeverGoDownAsDurationsGrowToTheLongestRecordable() {
        long longestMicros = Long.MAX_VALUE / 1000;
        long previousMicros = 0;
        int previousBucket = 0;
        for (int bits = 1; (1L << bits) <= longestMicros; bits++) {
            for (long micros : new long[] {(1L << bits) - 1, 1L << bits}) {
                int bucket = LatencyHistogram.bucketOf(micros);
                assertTrue(bucket >= previousBucket, "the bucket of " + micros + " us is " + bucket + ", below bucket "
                        + previousBucket + " of " + previousMicros + " us");
                previousMicros = micros;
                previousBucket = bucket;
            }
        }
        assertTrue(LatencyHistogram.bucketOf(longestMicros) >= previousBucket, "the longest duration's bucket");
    }

    @Test
    void anEmptyHistogramReportsZero() {
        assertEquals(0, new LatencyHistogram().percentileNanos(0.5));
    }

    @Test
    void durationsUnderThirtyTwoMicrosecondsAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(3_000);
        histogram.record(9_000);
        histogram.record(9_000);
        histogram.record(31_000);

        assertEquals(3_000, histogram.percentileNanos(0.25));
        assertEquals(9_000, histogram.percentileNanos(0.50));
        assertEquals(9_000, histogram.percentileNanos(0.75));
        assertEquals(31_000, histogram.percentileNanos(1.0));
    }

    @Test
    void percentilesOfAUniformDistributionAreWithinThreePercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long millis = 1; millis <= 10_000; millis++) {
            histogram.record(millis * MILLI);
        }

        assertWithin(0.03, 100 * MILLI, histogram.percentileNanos(0.01));
        assertWithin(0.03, 5_000 * MILLI, histogram.percentileNanos(0.50));
        assertWithin(0.03, 9_000 * MILLI, histogram.percentileNanos(0.90));
        assertWithin(0.03, 9_900 * MILLI, histogram.percentileNanos(0.99));
    }

    @Test
    void percentilesOfASkewedDistributionAreWithinThreePercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 980; i++) {
            histogram.record(25 * MILLI);
        }
        for (int i = 0; i < 20; i++) {
            histogram.record(4_000 * MILLI);
        }

        assertWithin(0.03, 25 * MILLI, histogram.percentileNanos(0.50));
        assertWithin(0.03, 25 * MILLI, histogram.percentileNanos(0.98));
        assertWithin(0.03, 4_000 * MILLI, histogram.percentileNanos(0.99));
    }

    @Test
    void aSingleDurationIsEveryPercentile() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(512_300_000);

        assertWithin(0.03, 512_300_000, histogram.percentileNanos(0.01));
        assertEquals(histogram.percentileNanos(0.01), histogram.percentileNanos(0.99));
    }
}
