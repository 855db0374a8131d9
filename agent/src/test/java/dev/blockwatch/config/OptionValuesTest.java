package dev.blockwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each option's valid and invalid values, given as agent arguments. */
class OptionValuesTest {

    @TempDir
    Path dir;

    static BlockwatchOptions load(String agentArgs) throws BadOptionException {
        return OptionSources.load(agentArgs, new Properties(), Map.of());
    }

    /** Asserts that the option is refused, and returns the message. */
    static String refused(String key, String value) {
        BadOptionException e = assertThrows(BadOptionException.class, () -> load(key + "=" + value));
        assertEquals(key, e.option());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad option " + key + "=" + value + " (agent argument): "),
                e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource({"20ms, 20000000", "1.5s, 1500000000", "250us, 250000", "0, 0", "3ns, 3"})
    void thresholdTakesADuration(String text, long nanos) throws BadOptionException {
        assertEquals(nanos, load("threshold=" + text).thresholdNanos());
    }

    @Test
    void thresholdRefusesANumberWithoutUnit() {
        assertEquals("bad option threshold=abc (agent argument): expected a duration such as 20ms"
                + " (units ns, us, ms, s)", refused("threshold", "abc"));
        refused("threshold", "20");
        refused("threshold", "-1ms");
    }

    @Test
    void threadsIsEventLoopOrAll() throws BadOptionException {
        assertEquals(ThreadMode.ALL, load("threads=all").threads());
        assertEquals(ThreadMode.EVENT_LOOP, load("threads=event-loop").threads());
        assertTrue(refused("threads", "ALL").endsWith(": expected event-loop or all"));
        refused("threads", "eventloop");
    }

    @Test
    void threadNamesIsARegularExpression() throws BadOptionException {
        BlockwatchOptions options = load("thread-names=worker-\\d+");
        assertTrue(options.threadNames().matcher("worker-12").matches());
        assertFalse(options.threadNames().matcher("worker-x").matches());
        assertNull(load("thread-names=").threadNames());
    }

    @Test
    void threadNamesRefusesAnInvalidRegularExpressionInOneLine() {
        String message = refused("thread-names", "loop-(");
        assertEquals("bad option thread-names=loop-( (agent argument): not a valid regular expression"
                + " (Unclosed group near index 6); expected a java.util.regex pattern such as nioEventLoopGroup-.*",
                message);
    }

    @Test
    void threadNamesKeepsCommasOfTheRegularExpression() throws BadOptionException {
        BlockwatchOptions options = load("thread-names=loop-\\d{1,3},threshold=5ms");
        assertEquals("loop-\\d{1,3}", options.threadNames().pattern());
        assertTrue(options.threadNames().matcher("loop-123").matches());
        assertEquals(5_000_000L, options.thresholdNanos());
    }

    @Test
    void categoriesIsAPlusSeparatedSubset() throws BadOptionException {
        BlockwatchOptions options = load("categories=socket+file");
        assertEquals(EnumSet.of(Category.FILE, Category.SOCKET), options.categories());
        assertTrue(options.categoryEnabled(Category.SOCKET));
        assertFalse(options.categoryEnabled(Category.JDBC));
        assertEquals(EnumSet.of(Category.REDIS), load("categories=redis").categories());
    }

    @Test
    void categoriesRefusesUnknownNamesAndListsTheValidOnes() {
        assertEquals("bad option categories=file+disk (agent argument): unknown category 'disk'; expected one or"
                + " more of file+socket+dns+process+sleep+wait+jdbc+redis, separated by +",
                refused("categories", "file+disk"));
        assertTrue(refused("categories", "").contains(": an empty category; expected one or more of"));
        assertTrue(refused("categories", "file++socket").contains(": an empty category;"));
        assertTrue(refused("categories", "FILE").contains("unknown category 'FILE'"));
    }

    @Test
    void allowIsAPlusSeparatedListOfRules() throws BadOptionException {
        List<AllowRule> rules = load("allow=com.example.Handler#channelRead+com.example.Cache").allow();
        assertEquals(2, rules.size());
        assertTrue(rules.get(0).matches("com.example.Handler", "channelRead"));
        assertFalse(rules.get(0).matches("com.example.Handler", "write"));
        assertTrue(rules.get(1).matches("com.example.Cache", "load"));
        assertEquals(List.of(), load("allow=").allow());
    }

    @Test
    void allowRefusesAnEntryThatIsNotAName() {
        assertEquals("bad option allow=com.example.Handler#+x.Y (agent argument): 'com.example.Handler#' is not a"
                + " type or type#method; expected +-separated entries such as com.example.Type#method or"
                + " com.example.Type", refused("allow", "com.example.Handler#+x.Y"));
        refused("allow", "x.Y++z.W");
    }

    @ParameterizedTest
    @ValueSource(strings = {"log", "jfr", "strict"})
    void booleansAreTrueOrFalseOnly(String key) throws BadOptionException {
        assertTrue(flag(key, load(key + "=true")));
        assertFalse(flag(key, load(key + "=false")));
        for (String bad : List.of("TRUE", "yes", "1", "on")) {
            BadOptionException e = assertThrows(BadOptionException.class, () -> load(key + "=" + bad));
            assertEquals("bad option " + key + "=" + bad + " (agent argument): expected true or false", e.getMessage());
        }
    }

    private static boolean flag(String key, BlockwatchOptions options) {
        return switch (key) {
            case "log" -> options.log();
            case "jfr" -> options.jfr();
            default -> options.strict();
        };
    }

    @Test
    void jsonTakesANewFileInAWritableDirectoryWithoutCreatingIt() throws BadOptionException {
        Path file = dir.resolve("report.jsonl");
        assertEquals(file.toAbsolutePath(), load("json=" + file).json());
        assertFalse(Files.exists(file));
        assertNull(load("json=").json());
    }

    @Test
    void jsonTakesAnExistingWritableFile() throws BadOptionException, IOException {
        Path file = Files.writeString(dir.resolve("report.jsonl"), "{}\n");
        assertEquals(file, load("json=" + file).json());
        assertEquals("{}\n", Files.readString(file));
    }

    @Test
    void jsonResolvesARelativePathAgainstTheWorkingDirectory() throws BadOptionException {
        Path expected = Path.of(System.getProperty("user.dir")).resolve("blockwatch-test.jsonl").toAbsolutePath();
        assertEquals(expected, load("json=blockwatch-test.jsonl").json());
    }

    @Test
    void jsonRefusesAFileInAMissingDirectory() {
        Path file = dir.resolve("missing").resolve("report.jsonl");
        assertEquals("bad option json=" + file + " (agent argument): directory " + dir.resolve("missing")
                + " does not exist; expected the path of a writable file in an existing directory",
                refused("json", file.toString()));
    }

    @Test
    void jsonRefusesADirectoryAndAPathBelowAFile() throws IOException {
        assertTrue(refused("json", dir.toString()).contains(dir + " exists and is not a regular file"));
        Path plainFile = Files.createFile(dir.resolve("plain"));
        assertTrue(refused("json", plainFile.resolve("x.jsonl").toString())
                .contains(plainFile + " is not a directory"));
    }

    @Test
    void siteSkipIsAPlusSeparatedListOfPackagePrefixes() throws BadOptionException {
        assertEquals(List.of("org.springframework.jdbc", "com.zaxxer."),
                load("site-skip=org.springframework.jdbc+com.zaxxer.").siteSkip());
        assertEquals(List.of(), load("site-skip=").siteSkip());
    }

    @Test
    void siteSkipRefusesEmptyOrMalformedPrefixes() {
        assertEquals("bad option site-skip=org.x++org.y (agent argument): '' is not a package prefix; expected"
                + " +-separated package prefixes such as org.springframework.jdbc+com.zaxxer.hikari",
                refused("site-skip", "org.x++org.y"));
        refused("site-skip", "org/x");
        refused("site-skip", "org.x+");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1024})
    void stackDepthTakesAWholeNumberFrom1To1024(int frames) throws BadOptionException {
        assertEquals(frames, load("stack-depth=" + frames).stackDepth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1025", "-1", "+5", "abc", "99999999999", "6.5"})
    void stackDepthRefusesOtherValues(String text) {
        assertTrue(refused("stack-depth", text).endsWith(": expected a whole number of frames from 1 to 1024"));
    }

    @Test
    void repeatTakesADurationIncludingZero() throws BadOptionException {
        assertEquals(0, load("repeat=0").repeatNanos());
        assertEquals(5_000_000_000L, load("repeat=5s").repeatNanos());
        refused("repeat", "often");
    }

    @Test
    void summaryIsExitOffOrAnInterval() throws BadOptionException {
        BlockwatchOptions exit = load("summary=exit");
        assertTrue(exit.summaryAtExit());
        assertEquals(0, exit.summaryIntervalNanos());

        BlockwatchOptions off = load("summary=off");
        assertFalse(off.summaryAtExit());
        assertEquals(0, off.summaryIntervalNanos());

        BlockwatchOptions periodic = load("summary=60s");
        assertTrue(periodic.summaryAtExit());
        assertEquals(60_000_000_000L, periodic.summaryIntervalNanos());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "never", "60", "EXIT"})
    void summaryRefusesOtherValuesAndAZeroInterval(String text) {
        assertTrue(refused("summary", text).endsWith(": expected exit, off or an interval above zero such as 60s"));
    }

    @Test
    void detailIsRedactedFullOrNone() throws BadOptionException {
        assertEquals(DetailMode.REDACTED, load("detail=redacted").detail());
        assertEquals(DetailMode.FULL, load("detail=full").detail());
        assertEquals(DetailMode.NONE, load("detail=none").detail());
        assertTrue(refused("detail", "partial").endsWith(": expected redacted, full or none"));
    }

    @Test
    void valuesHoldingLineBreaksAreReportedInOneLine() {
        Properties properties = new Properties();
        properties.setProperty("blockwatch.threads", "all\nmore");
        BadOptionException e = assertThrows(BadOptionException.class,
                () -> OptionSources.load(null, properties, Map.of()));
        assertEquals("bad option threads=all\\nmore (system property blockwatch.threads): expected event-loop or all",
                e.getMessage());
    }
}
