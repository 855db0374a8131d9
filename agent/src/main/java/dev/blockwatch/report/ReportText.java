package dev.blockwatch.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, durations and free text are written, the same in every sink. */
final class ReportText {
    /** The longest detail a report carries: a report is one line, not a copy of the data. */
    static final int MAX_DETAIL_LENGTH = 2000;

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

    /**
     * The text on one line, every run of whitespace one space, cut to
     * {@link #MAX_DETAIL_LENGTH} characters with a trailing {@code …} when longer.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_DETAIL_LENGTH + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && line.length() <= MAX_DETAIL_LENGTH; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = line.length() > 0;
            } else {
                if (space) {
                    line.append(' ');
                    space = false;
                }
                line.append(c);
            }
        }
        return capped(line);
    }

    /**
     * The text, or when longer than {@link #MAX_DETAIL_LENGTH} its start with a trailing
     * {@code …}, never half a surrogate pair.
     */
    static String capped(CharSequence text) {
        if (text.length() <= MAX_DETAIL_LENGTH) {
            return text.toString();
        }
        int cut = MAX_DETAIL_LENGTH;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        while (cut > 0 && text.charAt(cut - 1) == ' ') {
            cut--;
        }
        return text.subSequence(0, cut) + "\u2026";
    }
}
