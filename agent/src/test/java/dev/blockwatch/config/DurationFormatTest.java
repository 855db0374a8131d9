package dev.blockwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationFormatTest {

    @ParameterizedTest
    @CsvSource({
        "20ms, 20000000",
        "1.5s, 1500000000",
        "250us, 250000",
        "7ns, 7",
        "0, 0",
        "0ms, 0",
        "0.25ms, 250000",
        "10s, 10000000000",
        "1.000s, 1000000000",
        "9223372036854775807ns, 9223372036854775807",
    })
    void parsesNumberAndUnit(String text, long nanos) throws InvalidValueException {
        assertEquals(nanos, DurationFormat.parseNanos(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "20", "5", "-5ms", "20 ms", "20MS", "20m", "ms", ".5s", "5.s", "1e3ms",
        "+5ms", "20ms ", "00"})
    void rejectsAnythingElse(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> DurationFormat.parseNanos(text));
        assertEquals("expected a duration such as 20ms (units ns, us, ms, s)", e.getMessage());
    }

    @Test
    void rejectsFractionsOfANanosecond() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> DurationFormat.parseNanos("1.5ns"));
        assertEquals("not a whole number of nanoseconds; expected a duration such as 20ms (units ns, us, ms, s)",
                e.getMessage());
    }

    @Test
    void rejectsDurationsBeyondWhatNanosecondsInALongHold() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> DurationFormat.parseNanos("9223372037s"));
        assertEquals("too long; expected a duration of at most 9223372036s", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "20000000, 20ms",
        "1500000000, 1500ms",
        "10000000000, 10s",
        "250000, 250us",
        "1500, 1500ns",
        "7, 7ns",
        "0, 0s",
    })
    void formatsAsAWholeNumberInTheLargestExactUnit(long nanos, String text) {
        assertEquals(text, DurationFormat.format(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5s", "0.001ms", "123456789ns", "2.5us", "60s"})
    void theCanonicalFormParsesBackToTheSameDuration(String text) throws InvalidValueException {
        long nanos = DurationFormat.parseNanos(text);
        assertEquals(nanos, DurationFormat.parseNanos(DurationFormat.format(nanos)));
    }
}
