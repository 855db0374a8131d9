package dev.blockwatch.cli;

import java.util.Arrays;

/** The durations of the calls a report holds for one {@link SiteKey}, and the figures check compares. */
final class SiteCalls {
    private final SiteKey key;
    private double[] durationsMs = new double[4];
    private int count;
    private boolean sorted = true;
    private String slowestSite;
    private double maxMs = -1;

    SiteCalls(SiteKey key) {
        this.key = key;
    }

    void add(double durationMs, String site) {
        if (count == durationsMs.length) {
            durationsMs = Arrays.copyOf(durationsMs, count * 2);
        }
        durationsMs[count++] = durationMs;
        sorted = false;
        if (durationMs > maxMs) {
            maxMs = durationMs;
            slowestSite = site;
        }
    }

    SiteKey key() {
        return key;
    }

    int count() {
        return count;
    }

    double maxMs() {
        return maxMs;
    }

    /** The full {@code site} text, line included, of the slowest call: what the user opens. */
    String slowestSite() {
        return slowestSite == null ? SiteKey.UNKNOWN_SITE : slowestSite;
    }

    /** The 99th percentile by nearest rank: the smallest duration that at least 99% of the calls do not exceed. */
    double p99Ms() {
        if (!sorted) {
            Arrays.sort(durationsMs, 0, count);
            sorted = true;
        }
        int rank = (int) ((99L * count + 99) / 100); // ceil(0.99 * count) without floating-point error
        return durationsMs[rank - 1];
    }

    int countOver(double limitMs) {
        int over = 0;
        for (int i = 0; i < count; i++) {
            if (durationsMs[i] > limitMs) {
                over++;
            }
        }
        return over;
    }
}
