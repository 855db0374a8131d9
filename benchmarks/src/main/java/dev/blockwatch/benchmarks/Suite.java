package dev.blockwatch.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The benchmark classes, each a group of calls that {@code --only} selects by its lower-case name. */
enum Suite {
    /** JDK calls that the agent instruments, and an uncontended lock. */
    JDK(InstrumentedCallBenchmark.class, true),
    /**
     * Round trips to local PostgreSQL and Redis. A round trip allocates hundreds of bytes of its own, and its B/op
     * varies by tens of bytes between forks of one configuration: a 0 B target could not be told from that, so
     * B/op is only shown.
     */
    DATABASE(DatabaseCallBenchmark.class, false);

    final Class<?> benchmarkClass;
    /** Whether the agent must add no allocation to every call of the suite (the "0 B" target). */
    final boolean allocationTarget;

    Suite(Class<?> benchmarkClass, boolean allocationTarget) {
        this.benchmarkClass = benchmarkClass;
        this.allocationTarget = allocationTarget;
    }

    static Suite named(String name) {
        for (Suite suite : values()) {
            if (suite.name().toLowerCase().equals(name)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("--only needs one of " + Arrays.stream(values())
                .map(suite -> suite.name().toLowerCase()).collect(Collectors.joining(", ")) + ", not " + name);
    }
}
