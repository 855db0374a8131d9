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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockwatchOptionsTest {
    private static final List<String> TABLE_ORDER = List.of("threshold", "threads", "thread-names", "categories",
            "allow", "log", "json", "jfr", "site-skip", "stack-depth", "repeat", "summary", "detail", "strict");

    @TempDir
    Path dir;

    @Test
    void defaultsAreThoseOfTheDesign() {
        BlockwatchOptions options = BlockwatchOptions.defaults();

        assertEquals(20_000_000L, options.thresholdNanos());
        assertEquals(ThreadMode.EVENT_LOOP, options.threads());
        assertNull(options.threadNames());
        assertEquals(EnumSet.allOf(Category.class), options.categories());
        assertEquals(List.of(), options.allow());
        assertTrue(options.log());
        assertNull(options.json());
        assertFalse(options.jfr());
        assertEquals(List.of(), options.siteSkip());
        assertEquals(64, options.stackDepth());
        assertEquals(10_000_000_000L, options.repeatNanos());
        assertTrue(options.summaryAtExit());
        assertEquals(0, options.summaryIntervalNanos());
        assertEquals(DetailMode.REDACTED, options.detail());
        assertFalse(options.strict());
        assertNull(options.configFile());
    }

    @Test
    void defaultsAsStringsListEveryKeyInTableOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("threshold", "20ms");
        expected.put("threads", "event-loop");
        expected.put("thread-names", "");
        expected.put("categories", "file+socket+dns+process+sleep+wait+jdbc+redis");
        expected.put("allow", "");
        expected.put("log", "true");
        expected.put("json", "");
        expected.put("jfr", "false");
        expected.put("site-skip", "");
        expected.put("stack-depth", "64");
        expected.put("repeat", "10s");
        expected.put("summary", "exit");
        expected.put("detail", "redacted");
        expected.put("strict", "false");

        Map<String, String> strings = BlockwatchOptions.defaults().asStrings();

        assertEquals(expected, strings);
        assertEquals(TABLE_ORDER, List.copyOf(strings.keySet()));
    }

    @Test
    void asStringsGivesCanonicalValuesAndConfigLast() throws IOException, BadOptionException {
        Path config = Files.writeString(dir.resolve("blockwatch.properties"), "detail=full\n");
        Path json = dir.resolve("out.jsonl");
        String agentArgs = "threshold=1.5s, threads=all, thread-names=loop-\\d{1,3}, categories=socket+file,"
                + " allow=a.B#c+d.E, log=false, json=" + json + ", jfr=true, site-skip=org.x+org.y, stack-depth=8,"
                + " repeat=0, summary=60s, strict=true, config=" + config;

        Map<String, String> strings = OptionSources.load(agentArgs, new Properties(), Map.of()).asStrings();

        assertEquals("1500ms", strings.get("threshold"));
        assertEquals("all", strings.get("threads"));
        assertEquals("loop-\\d{1,3}", strings.get("thread-names"));
        assertEquals("file+socket", strings.get("categories"));
        assertEquals("a.B#c+d.E", strings.get("allow"));
        assertEquals("false", strings.get("log"));
        assertEquals(json.toString(), strings.get("json"));
        assertEquals("true", strings.get("jfr"));
        assertEquals("org.x+org.y", strings.get("site-skip"));
        assertEquals("8", strings.get("stack-depth"));
        assertEquals("0s", strings.get("repeat"));
        assertEquals("60s", strings.get("summary"));
        assertEquals("full", strings.get("detail"));
        assertEquals("true", strings.get("strict"));
        assertEquals(config.toString(), strings.get("config"));
        List<String> keys = List.copyOf(strings.keySet());
        assertEquals(TABLE_ORDER, keys.subList(0, TABLE_ORDER.size()));
        assertEquals(List.of("config"), keys.subList(TABLE_ORDER.size(), keys.size()));
    }

    @Test
    void summaryOffIsWrittenOff() throws BadOptionException {
        assertEquals("off", OptionSources.load("summary=off", new Properties(), Map.of()).asStrings().get("summary"));
    }

    @Test
    void theCanonicalStringsLoadBackToTheSameOptions() throws BadOptionException {
        Map<String, String> first = OptionSources.load("threshold=0.25s,categories=wait+dns,allow=x.Y,repeat=1500us",
                new Properties(), Map.of()).asStrings();
        Properties asProperties = new Properties();
        first.forEach((key, value) -> asProperties.setProperty("blockwatch." + key, value));

        assertEquals(first, OptionSources.load(null, asProperties, Map.of()).asStrings());
    }

    @Test
    void collectionsCannotBeChanged() throws BadOptionException {
        BlockwatchOptions options = OptionSources.load("allow=a.B,site-skip=org.x", new Properties(), Map.of());
        assertThrows(UnsupportedOperationException.class, () -> options.categories().remove(Category.FILE));
        assertThrows(UnsupportedOperationException.class, () -> options.allow().clear());
        assertThrows(UnsupportedOperationException.class, () -> options.siteSkip().add("org.y"));
        assertThrows(UnsupportedOperationException.class, () -> options.asStrings().put("threshold", "1ms"));
    }

    @Test
    void toStringListsTheEffectiveOptions() {
        String text = BlockwatchOptions.defaults().toString();
        assertTrue(text.startsWith("BlockwatchOptions{threshold=20ms, threads=event-loop, thread-names=, "), text);
        assertTrue(text.endsWith("detail=redacted, strict=false}"), text);
    }
}
