package dev.blockwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence across the four sources, unknown keys, the config file and the resolution of strict. */
class OptionSourcesTest {
    private static final String KNOWN = "threshold, threads, thread-names, categories, allow, log, json, jfr,"
            + " site-skip, stack-depth, repeat, summary, detail, strict";

    @TempDir
    Path dir;

    private final Properties properties = new Properties();
    private final Map<String, String> environment = new HashMap<>();

    private BlockwatchOptions load(String agentArgs) throws BadOptionException {
        return OptionSources.load(agentArgs, properties, environment);
    }

    private BadOptionException refused(String agentArgs) {
        BadOptionException e = assertThrows(BadOptionException.class, () -> load(agentArgs));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private Path configFile(String content) throws IOException {
        return Files.writeString(dir.resolve("blockwatch.properties"), content, StandardCharsets.UTF_8);
    }

    @Test
    void noSourcesGiveTheDefaults() throws BadOptionException {
        assertEquals(BlockwatchOptions.defaults().asStrings(), load(null).asStrings());
        assertEquals(BlockwatchOptions.defaults().asStrings(), load("").asStrings());
    }

    @Test
    void eachKeyTakesItsValueFromTheFirstSourceThatGivesIt() throws IOException, BadOptionException {
        Path config = configFile("threshold=4ms\nthreads=all\nstack-depth=4\nrepeat=4s\n");
        environment.put("BLOCKWATCH_CONFIG", config.toString());
        environment.put("BLOCKWATCH_THRESHOLD", "3ms");
        environment.put("BLOCKWATCH_THREADS", "all");
        environment.put("BLOCKWATCH_STACK_DEPTH", "3");
        properties.setProperty("blockwatch.threshold", "2ms");
        properties.setProperty("blockwatch.threads", "event-loop");

        BlockwatchOptions options = load("threshold=1ms");

        assertEquals(1_000_000L, options.thresholdNanos());
        assertEquals(ThreadMode.EVENT_LOOP, options.threads());
        assertEquals(3, options.stackDepth());
        assertEquals(4_000_000_000L, options.repeatNanos());
        assertEquals(DetailMode.REDACTED, options.detail());
        assertEquals(config, options.configFile());
    }

    @Test
    void theConfigFileIsNamedByTheFirstSourceThatNamesIt() throws IOException, BadOptionException {
        Path chosen = Files.writeString(dir.resolve("chosen.properties"), "stack-depth=7\n");
        Path ignored = Files.writeString(dir.resolve("ignored.properties"), "stack-depth=9\n");

        environment.put("BLOCKWATCH_CONFIG", ignored.toString());
        properties.setProperty("blockwatch.config", chosen.toString());
        assertEquals(7, load(null).stackDepth());

        assertEquals(9, load("config=" + ignored).stackDepth());
        assertEquals(64, load("config=").stackDepth());
        assertNull(load("config=").configFile());
    }

    @Test
    void environmentVariablesUseUpperCaseAndUnderscores() throws BadOptionException {
        environment.put("BLOCKWATCH_THREAD_NAMES", "worker-.*");
        environment.put("BLOCKWATCH_SITE_SKIP", "org.hibernate");
        environment.put("BLOCKWATCH_STACK-DEPTH", "5");
        environment.put("blockwatch_jfr", "true");

        BlockwatchOptions options = load(null);

        assertEquals("worker-.*", options.threadNames().pattern());
        assertEquals(List.of("org.hibernate"), options.siteSkip());
        assertEquals(64, options.stackDepth());
        assertFalse(options.jfr());
    }

    @Test
    void aBadValueThatIsOverriddenIsNotAnError() throws BadOptionException {
        environment.put("BLOCKWATCH_THRESHOLD", "abc");
        assertEquals(5_000_000L, load("threshold=5ms").thresholdNanos());
    }

    @Test
    void eachMessageNamesTheSourceOfTheBadValue() throws IOException {
        properties.setProperty("blockwatch.threshold", "abc");
        assertEquals("bad option threshold=abc (system property blockwatch.threshold): expected a duration such as"
                + " 20ms (units ns, us, ms, s)", refused(null).getMessage());

        properties.clear();
        environment.put("BLOCKWATCH_THRESHOLD", "abc");
        assertTrue(refused(null).getMessage().startsWith(
                "bad option threshold=abc (environment BLOCKWATCH_THRESHOLD): expected a duration"));

        environment.clear();
        Path config = configFile("threshold = abc \n");
        assertTrue(refused("config=" + config).getMessage().startsWith(
                "bad option threshold=abc (config file " + config + "): expected a duration"));
    }

    @Test
    void anUnknownAgentArgumentIsAnErrorListingTheKnownOptions() {
        BadOptionException e = refused("treshold=20ms");
        assertEquals("treshold", e.option());
        assertEquals("unknown option 'treshold' (agent argument); known options: " + KNOWN + ", config",
                e.getMessage());
    }

    @Test
    void anUnknownBlockwatchSystemPropertyIsAnErrorAndOtherPropertiesAreIgnored() {
        properties.setProperty("java.version", "17");
        properties.setProperty("blockwatchthreshold", "x");
        properties.setProperty("blockwatch.treshold", "20ms");
        BadOptionException e = refused(null);
        assertEquals("unknown option 'treshold' (system property blockwatch.treshold); known options: " + KNOWN
                + ", config", e.getMessage());
    }

    @Test
    void anUnknownBlockwatchEnvironmentVariableIsIgnored() throws BadOptionException {
        environment.put("BLOCKWATCH_TRESHOLD", "20ms");
        environment.put("BLOCKWATCH_HOME", "/opt/blockwatch");
        assertEquals(BlockwatchOptions.defaults().asStrings(), load(null).asStrings());
    }

    @Test
    void anUnknownKeyInTheConfigFileIsAnError() throws IOException {
        Path config = configFile("threshold=5ms\ntreshold=20ms\n");
        BadOptionException e = refused("config=" + config);
        assertEquals("unknown option 'treshold' (config file " + config + "); known options: " + KNOWN,
                e.getMessage());
    }

    @Test
    void theConfigFileCannotNameAConfigFile() throws IOException {
        Path config = configFile("config=/etc/other.properties\n");
        BadOptionException e = refused("config=" + config);
        assertEquals("config", e.option());
        assertEquals("option config cannot be set inside the config file " + config + "; name the config file by"
                + " agent argument, system property blockwatch.config or environment BLOCKWATCH_CONFIG",
                e.getMessage());
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("missing.properties");
        environment.put("BLOCKWATCH_CONFIG", missing.toString());
        BadOptionException e = refused(null);
        assertEquals("config", e.option());
        assertEquals("bad option config=" + missing + " (environment BLOCKWATCH_CONFIG): " + missing
                + " does not exist; expected the path of a readable java.util.Properties file", e.getMessage());
    }

    @Test
    void aDirectoryOrAMalformedFileIsNotAConfigFile() throws IOException {
        assertTrue(refused("config=" + dir).getMessage().contains(": " + dir + " is a directory; expected"));
        Path config = configFile("threshold=\\u00zz\n");
        assertTrue(refused("config=" + config).getMessage()
                .contains(": " + config + " is not a valid properties file (Malformed \\uxxxx encoding.); expected"));
    }

    @Test
    void aRelativeConfigPathResolvesAgainstTheWorkingDirectory() {
        Path expected = Path.of(System.getProperty("user.dir")).resolve("no-such-blockwatch.properties");
        assertTrue(refused("config=no-such-blockwatch.properties").getMessage().contains(": " + expected
                + " does not exist"));
    }

    @Test
    void aKeyGivenTwiceInOneSourceIsAnError() throws IOException {
        BadOptionException e = refused("threshold=1ms,threshold=2ms");
        assertEquals("threshold", e.option());
        assertEquals("option threshold is given twice (agent argument); give it once", e.getMessage());

        Path config = configFile("repeat=1s\nrepeat=2s\n");
        assertEquals("option repeat is given twice (config file " + config + "); give it once",
                refused("config=" + config).getMessage());
    }

    @Test
    void aPairWithoutEqualsSignIsAnErrorNamingIt() {
        BadOptionException e = refused("verbose,threshold=1ms");
        assertEquals("verbose", e.option());
        assertEquals("bad agent argument 'verbose': expected key=value pairs separated by commas, such as"
                + " threshold=20ms,threads=all", e.getMessage());
    }

    @Test
    void configFileValuesInUtf8AreRead() throws IOException, BadOptionException {
        Path config = configFile("thread-names=boucle-é.*\n");
        assertTrue(load("config=" + config).threadNames().matcher("boucle-é-1").matches());
    }

    @Test
    void aStrictRunKnowsItIsStrictWhenAnotherOptionIsBad() {
        BadOptionException e = refused("strict=true,threshold=abc");
        assertEquals("threshold", e.option());
        assertTrue(e.strict());

        assertFalse(refused("threshold=abc").strict());
        assertFalse(refused("strict=false,threshold=abc").strict());
    }

    @Test
    void strictIsResolvedAcrossSourcesBeforeOtherProblems() throws IOException {
        environment.put("BLOCKWATCH_STRICT", "false");
        properties.setProperty("blockwatch.strict", "true");
        assertTrue(refused("treshold=1ms").strict());
        assertTrue(refused("verbose").strict());

        properties.clear();
        environment.clear();
        Path config = configFile("strict=true\ntreshold=1ms\n");
        BadOptionException e = refused("config=" + config);
        assertEquals("treshold", e.option());
        assertTrue(e.strict());
    }

    @Test
    void aMalformedStrictIsTheErrorAndTheRunIsNotStrict() {
        BadOptionException e = refused("threshold=abc,strict=yes");
        assertEquals("strict", e.option());
        assertFalse(e.strict());
        assertEquals("bad option strict=yes (agent argument): expected true or false", e.getMessage());

        BadOptionException twice = refused("threshold=abc,strict=true,strict=true");
        assertEquals("strict", twice.option());
        assertFalse(twice.strict());
    }

    @Test
    void aMissingConfigFileInAStrictRunIsReportedAsStrict() {
        BadOptionException e = refused("strict=true,config=" + dir.resolve("missing.properties"));
        assertEquals("config", e.option());
        assertTrue(e.strict());
    }
}
