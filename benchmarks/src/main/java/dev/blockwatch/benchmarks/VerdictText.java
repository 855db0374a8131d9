package dev.blockwatch.benchmarks;

/** How the whole-JVM measurements word a {@link Verdict} in their tables. */
final class VerdictText {
    private VerdictText() {
    }

    static String of(Verdict verdict) {
        return switch (verdict) {
            case MET -> "met";
            case MISSED -> "missed";
            case UNRESOLVED -> "over, but within the noise";
            case NOT_MEASURED -> "not measured";
        };
    }
}
