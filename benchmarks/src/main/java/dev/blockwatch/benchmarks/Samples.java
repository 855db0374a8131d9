package dev.blockwatch.benchmarks;

import java.util.List;

/**
 * What one configuration measured over its rounds: the median with the half-width of its 95% confidence interval
 * ({@link Median}), and the smallest and largest value, so that a table shows the spread as well as the middle.
 */
record Samples(Median median, double min, double max, int count) {
    static Samples of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] array = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Samples(Median.of(array), array[0], array[array.length - 1], array.length);
    }

    double value() {
        return median.value();
    }

    double halfWidth() {
        return median.halfWidth();
    }
}
