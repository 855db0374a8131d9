package dev.blockwatch.benchmarks;

/** How a row of the table stands against its target. */
enum Verdict {
    MET,
    MISSED,
    /** The added time is over the target, but the noise is wider than the distance to it. */
    UNRESOLVED,
    /** A peer to compare with could not run on the JVM. */
    NOT_MEASURED;

    /** @param addedError the half-width of the confidence interval around {@code added} */
    static Verdict of(double added, double addedError, double max) {
        return added <= max ? MET : added - addedError > max ? MISSED : UNRESOLVED;
    }
}
