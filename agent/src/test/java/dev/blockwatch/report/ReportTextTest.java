package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How times, durations and free text are written in every sink. */
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

    @Test
    void oneLineMakesEachRunOfWhitespaceOneSpace() {
        assertEquals("SELECT * FROM t WHERE a = 1", ReportText.oneLine("SELECT\n  *\tFROM t\r\nWHERE  a = 1"));
        assertEquals("a b", ReportText.oneLine("\n\t a\u000b\fb \r\n"));
    }

    @Test
    void oneLineMakesControlCharactersSpaces() {
        assertEquals("a b c", ReportText.oneLine("a\u0000b\u001bc\u007f"));
    }

    @Test
    void oneLineKeepsShortTextAsItIs() {
        assertEquals("", ReportText.oneLine(""));
        assertEquals("", ReportText.oneLine(" \n "));
        assertEquals("GET k \u00e9\ud83d\ude00", ReportText.oneLine("GET k \u00e9\ud83d\ude00"));
    }

    @Test
    void oneLineCapsLongText() {
        assertEquals("x".repeat(2000), ReportText.oneLine("x".repeat(2000)));
        assertEquals("x".repeat(2000), ReportText.oneLine("x".repeat(2000) + " \n "));
        assertEquals("x".repeat(2000) + "\u2026", ReportText.oneLine("x".repeat(2001)));
        assertEquals("x".repeat(2000) + "\u2026", ReportText.oneLine("x".repeat(2000) + "\ny"));
        assertEquals("x".repeat(2000) + "\u2026", ReportText.oneLine("x".repeat(100_000)));
    }

    @Test
    void oneLineCountsLengthAfterWhitespaceCollapses() {
        assertEquals("a b", ReportText.oneLine("a" + " ".repeat(5000) + "b"));
        String words = "ab\n\n".repeat(1000); // 4000 characters, 2999 on one line
        assertEquals("ab ".repeat(666) + "ab\u2026", ReportText.oneLine(words));
    }

    @Test
    void oneLineNeverCutsASurrogatePair() {
        assertEquals("x".repeat(1999) + "\u2026", ReportText.oneLine("x".repeat(1999) + "\ud83d\ude00" + "tail"));
        assertEquals("x".repeat(1998) + "\ud83d\ude00\u2026",
                ReportText.oneLine("x".repeat(1998) + "\ud83d\ude00" + "tail"));
    }

    @Test
    void cappedKeepsTextUpToTheLongestDetail() {
        assertEquals(2000, ReportText.MAX_DETAIL_LENGTH);
        assertEquals("", ReportText.capped(""));
        assertEquals("a\nb", ReportText.capped("a\nb"));
        assertEquals("x".repeat(2000), ReportText.capped("x".repeat(2000)));
        assertEquals("x".repeat(2000), ReportText.capped(new StringBuilder("x".repeat(2000))));
    }

    @Test
    void cappedCutsLongerTextWithAnEllipsis() {
        assertEquals("x".repeat(2000) + "\u2026", ReportText.capped("x".repeat(2001)));
        assertEquals("x".repeat(1999) + "\n\u2026", ReportText.capped(new StringBuilder("x".repeat(1999) + "\n\n\n")));
    }

    @Test
    void cappedNeverCutsASurrogatePair() {
        assertEquals("x".repeat(1999) + "\u2026", ReportText.capped("x".repeat(1999) + "\ud83d\ude00"));
        assertEquals("x".repeat(1998) + "\ud83d\ude00\u2026", ReportText.capped("x".repeat(1998) + "\ud83d\ude00y"));
        assertEquals("x".repeat(1998) + "\ud83d\ude00", ReportText.capped("x".repeat(1998) + "\ud83d\ude00"));
    }
}
