package dev.blockwatch.benchmarks;

import java.util.Locale;

/** The most time an agent configuration may add to a call: a fixed number of nanoseconds, or a share of the call. */
sealed interface AddedTimeTarget {

    /** @param callNanos the call's own time, measured without the agent */
    double maxAddedNanos(double callNanos);

    String label();

    record Nanos(double nanos) implements AddedTimeTarget {
        @Override
        public double maxAddedNanos(double callNanos) {
            return nanos;
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "≤ %.0f ns", nanos);
        }
    }

    record PercentOfCall(double percent) implements AddedTimeTarget {
        @Override
        public double maxAddedNanos(double callNanos) {
            return callNanos * percent / 100;
        }

        @Override
        public String label() {
            return String.format(Locale.ROOT, "≤ %.0f%%", percent);
        }
    }
}
