package dev.blockwatch.benchmarks;

import java.util.Arrays;

/**
 * The median of some iteration scores and the half-width of its distribution-free 95% confidence interval (from
 * order statistics, so one iteration that a noisy neighbour slowed down moves neither much, unlike a mean).
 */
record Median(double value, double halfWidth) {
    private static final double TAIL = 0.025;

    static Median of(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double value = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int rank = lowerRank(n);
        double lower = sorted[rank - 1];
        double upper = sorted[n - rank];
        return new Median(value, Math.max(value - lower, upper - value));
    }

    /**
     * The largest 1-based rank k with P(Binomial(n, 1/2) &lt; k) ≤ 2.5%: [x(k), x(n+1-k)] then holds the true median
     * with ≥ 95% probability. With too few samples for that, 1: the interval is then the whole range.
     */
    private static int lowerRank(int n) {
        double probability = Math.pow(0.5, n);
        double below = 0;
        int rank = 1;
        for (int k = 1; k <= n / 2; k++) {
            below += probability;
            if (below > TAIL) {
                break;
            }
            rank = k;
            probability = probability * (n - k + 1) / k;
        }
        return rank;
    }
}
