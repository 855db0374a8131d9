package dev.blockwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordingOptionsTest {
    @Test
    void emptyTextTakesTheAgentsThresholdAndCategories() throws BadOptionException {
        RecordingOptions options = RecordingOptions.parse("");
        assertEquals(-1, options.thresholdNanos());
        assertEquals(Set.of(), options.categories());
        assertEquals(List.of(), options.allow());
    }

    @Test
    void readsThresholdCategoriesAndAllowAsTheAgentDoes() throws BadOptionException {
        RecordingOptions options =
                RecordingOptions.parse("threshold=5ms,categories=sleep+file,allow=com.example.Cache#load+com.example.Boot");
        assertEquals(5_000_000L, options.thresholdNanos());
        assertEquals(Set.of(Category.SLEEP, Category.FILE), options.categories());
        assertEquals(2, options.allow().size());
        assertTrue(options.allow().get(0).matches("com.example.Cache", "load"));
        assertTrue(options.allow().get(1).matches("com.example.Boot", "start"));
    }

    @Test
    void aThresholdOfZeroCollectsEveryCall() throws BadOptionException {
        assertEquals(0, RecordingOptions.parse("threshold=0ms").thresholdNanos());
    }

    @Test
    void anOptionOfTheWholeJvmIsRefusedWithWhereItBelongs() {
        BadOptionException e = assertThrows(BadOptionException.class, () -> RecordingOptions.parse("threads=all"));
        assertEquals("threads", e.option());
        assertEquals("a recording takes threshold, categories and allow, not 'threads'; the other options apply"
                + " to the whole JVM and are given to the agent", e.getMessage());
    }

    @Test
    void aBadValueNamesTheOptionItsValueAndWhatIsExpected() {
        BadOptionException e = assertThrows(BadOptionException.class, () -> RecordingOptions.parse("threshold=50"));
        assertEquals("bad option threshold=50 (recording): expected a duration such as 20ms (units ns, us, ms, s)",
                e.getMessage());
    }

    @Test
    void aPairWithoutEqualsIsRefused() {
        BadOptionException e = assertThrows(BadOptionException.class, () -> RecordingOptions.parse("50ms"));
        assertTrue(e.getMessage().startsWith("bad recording option '50ms': expected key=value pairs"), e.getMessage());
    }
}
