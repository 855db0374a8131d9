package dev.blockwatch.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and durations are written, the same in every sink. */
final class ReportText {
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportText() {
    }

    /** ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-23T18:04:05.123Z}. */
    static String time(long epochMillis) {
        return UTC_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Milliseconds rounded to the microsecond, as a JSON number: {@code 512.3}, {@code 20.0}. */
    static String millis(long nanos) {
        return Double.toString(Math.round(nanos / 1000.0) / 1000.0);
    }

    /** Milliseconds with one decimal, for the log line: {@code 512.3}. */
    static String logMillis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }
}
