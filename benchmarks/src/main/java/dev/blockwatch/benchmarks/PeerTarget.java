package dev.blockwatch.benchmarks;

/**
 * Issue 8's targets for blockwatch against a peer on the same call: the most blockwatch's row may cost over the
 * peer's. Each compares rows that do the same job: a thread check where nothing is timed, and the full check of a
 * thread that must not block.
 */
enum PeerTarget {
    UNWATCHED_VS_BLOCKHOUND(MeasuredConfiguration.UNWATCHED, MeasuredConfiguration.BLOCKHOUND, 2,
            "unwatched ≤ BlockHound normal + 2 ns"),
    WATCHED_VS_BLOCKHOUND(MeasuredConfiguration.WATCHED, MeasuredConfiguration.BLOCKHOUND_NON_BLOCKING, 10,
            "watched ≤ BlockHound non-blocking + 10 ns"),
    /** JFR times every call of its events on every thread, as blockwatch does on a watched one. */
    WATCHED_VS_JFR(MeasuredConfiguration.WATCHED, MeasuredConfiguration.JFR, 0, "watched ≤ JFR I/O events");

    final MeasuredConfiguration blockwatch;
    final MeasuredConfiguration peer;
    final double maxExtraNanos;
    final String label;

    PeerTarget(MeasuredConfiguration blockwatch, MeasuredConfiguration peer, double maxExtraNanos, String label) {
        this.blockwatch = blockwatch;
        this.peer = peer;
        this.maxExtraNanos = maxExtraNanos;
        this.label = label;
    }
}
