package dev.blockwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed baseline file: sorted one line per site key, a header, and the lines it refuses. */
class BaselineTest {
    @TempDir
    Path dir;

    private static SiteCalls site(String method, String category, String operation, double... durationsMs) {
        SiteCalls site = new SiteCalls(new SiteKey(method, category, operation));
        for (double duration : durationsMs) {
            site.add(duration, method + "(X.java:1)");
        }
        return site;
    }

    private List<String> siteLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#"))
                .collect(Collectors.toList());
    }

    private String refusal(String... lines) throws IOException {
        Path file = Files.write(dir.resolve("baseline.txt"), List.of(lines), StandardCharsets.UTF_8);
        return assertThrows(CommandFailure.class, () -> Baseline.read(file)).getMessage();
    }

    @Test
    void sitesAreWrittenSortedOneALineWithTheirP99ToOneDecimal() throws Exception {
        Path file = dir.resolve("baseline.txt");

        Baseline.write(file, List.of(
                site("com.example.Z.last", "sleep", ReportLines.SLEEP, 100.26),
                site("com.example.Handler.channelRead", "wait", "java.lang.Object.wait", 12.0, 7.0),
                site("com.example.Handler.channelRead", "file", ReportLines.READ, 33.35, 20.0),
                site("(unknown site)", "sleep", ReportLines.SLEEP, 0.04)));

        assertEquals(List.of(
                "(unknown site) sleep java.lang.Thread.sleep 0.0",
                "com.example.Handler.channelRead file java.io.FileInputStream.read 33.4",
                "com.example.Handler.channelRead wait java.lang.Object.wait 12.0",
                "com.example.Z.last sleep java.lang.Thread.sleep 100.3"), siteLines(file));
    }

    @Test
    void theHeaderSaysWhatTheFileIsAndHowToUpdateIt() throws Exception {
        Path file = dir.resolve("baseline.txt");

        Baseline.write(file, List.of());

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# blockwatch baseline: "), text);
        assertTrue(text.contains("--write-baseline <this file>"), text);
        assertTrue(text.contains("To update it"), text);
        assertTrue(text.contains("without its line number"), text);
        assertEquals(List.of(), siteLines(file));
        assertTrue(text.endsWith("\n") && !text.contains("\r"), "one \\n-terminated line each");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        Path file = dir.resolve("baseline.txt");
        List<SiteCalls> sites = List.of(site("com.example.Handler.channelRead", "file", ReportLines.READ, 62.04),
                site("(unknown site)", "wait", "java.lang.Object.<monitorenter>", 150.0));

        Baseline.write(file, sites);
        Baseline baseline = Baseline.read(file);

        assertEquals(2, baseline.sites().size());
        assertEquals(62.0, baseline.p99Ms(new SiteKey("com.example.Handler.channelRead", "file", ReportLines.READ)));
        assertEquals(150.0, baseline.p99Ms(new SiteKey("(unknown site)", "wait", "java.lang.Object.<monitorenter>")));
        assertNull(baseline.p99Ms(new SiteKey("com.example.Handler.channelRead", "file", "java.io.FileInputStream.readAll")));
    }

    @Test
    void writingTheSameSitesTwiceGivesTheSameBytes() throws Exception {
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");
        SiteCalls a = site("a.A.m", "file", ReportLines.READ, 10.0);
        SiteCalls b = site("b.B.m", "file", ReportLines.READ, 20.0);

        Baseline.write(first, List.of(a, b));
        Baseline.write(second, List.of(b, a));

        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void commentsBlankLinesAndExtraWhitespaceAreAccepted() throws Exception {
        Path file = Files.write(dir.resolve("baseline.txt"), List.of("# mine", "", "  a.A.m \t file   x.Y.read  20  ",
                "   # indented comment"), StandardCharsets.UTF_8);

        Baseline baseline = Baseline.read(file);

        assertEquals(1, baseline.sites().size());
        assertEquals(20.0, baseline.p99Ms(new SiteKey("a.A.m", "file", "x.Y.read")));
    }

    @Test
    void aMalformedLineIsNamedWithItsNumber() throws IOException {
        Path file = dir.resolve("baseline.txt");
        assertEquals(file + ":3: expected 'site category operation p99-ms', found 'a.A.m file 20.0';"
                + " rewrite the file with --write-baseline", refusal("# header", "", "a.A.m file 20.0"));
        assertEquals(file + ":2: the p99 'fast' is not a number of milliseconds such as 20.0",
                refusal("# header", "a.A.m file x.Y.read fast"));
        assertEquals(file + ":1: the p99 '-3.0' is not a number of milliseconds such as 20.0",
                refusal("a.A.m file x.Y.read -3.0"));
        assertEquals(file + ":4: a.A.m file x.Y.read is listed twice (first on line 2)",
                refusal("#", "a.A.m file x.Y.read 1.0", "b.B.m file x.Y.read 1.0", "a.A.m file x.Y.read 2.0"));
    }

    @Test
    void aMissingBaselineSaysHowToWriteOne() {
        Path missing = dir.resolve("missing.txt");
        assertEquals("no baseline at " + missing + ": no such file or directory; write one with --write-baseline "
                + missing, assertThrows(CommandFailure.class, () -> Baseline.read(missing)).getMessage());
    }

    @Test
    void aBaselineThatCannotBeWrittenIsOneLine() {
        Path inMissingDirectory = dir.resolve("no-such-dir").resolve("baseline.txt");
        assertEquals("cannot write baseline " + inMissingDirectory + ": no such file or directory",
                assertThrows(CommandFailure.class, () -> Baseline.write(inMissingDirectory, List.of())).getMessage());
    }
}
