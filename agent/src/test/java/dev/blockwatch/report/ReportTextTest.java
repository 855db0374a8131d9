package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How times and durations are written in every sink. */
class ReportTextTest {
    @Test
    void timeIsIsoUtcWithMilliseconds() {
        long millis = Instant.parse("2026-11-23T18:04:05.123Z").toEpochMilli();

        assertEquals("2026-11-23T18:04:05.123Z", ReportText.time(millis));
    }

    @Test
    void timeKeepsMillisecondsWhenTheyAreZero() {
        assertEquals("1970-01-01T00:00:00.000Z", ReportText.time(0));
        assertEquals("2026-01-01T00:00:00.000Z", ReportText.time(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
    }

    @Test
    void timeReadsBackAsTheSameInstant() {
        long millis = 1_795_457_045_007L;

        assertEquals(millis, Instant.parse(ReportText.time(millis)).toEpochMilli());
    }

    @Test
    void millisAreRoundedToTheMicrosecond() {
        assertEquals("512.3", ReportText.millis(512_300_000));
        assertEquals("20.0", ReportText.millis(20_000_000));
        assertEquals("1234.568", ReportText.millis(1_234_567_890));
        assertEquals("0.002", ReportText.millis(1_500));
        assertEquals("0.001", ReportText.millis(1_499));
        assertEquals("0.0", ReportText.millis(499));
    }

    @Test
    void logMillisHaveOneDecimal() {
        assertEquals("512.3", ReportText.logMillis(512_345_678));
        assertEquals("5000.0", ReportText.logMillis(5_000_000_000L));
        assertEquals("0.1", ReportText.logMillis(50_000));
        assertEquals("0.0", ReportText.logMillis(49_999));
    }

    @Test
    void logMillisUseAPointWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("512.3", ReportText.logMillis(512_300_000));
        } finally {
            Locale.setDefault(before);
        }
    }
}
