package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.CheckScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} on real reports: per JDK, two child JVMs of {@link CheckScenarios} write a report
 * each with {@code json=} (the second with one site three times as slow, from another line of the
 * same method, and one new site), and the agent jar's command line judges them on the same JDK.
 */
class CheckCommandTest {
    private static final String SLEEP = "java.lang.Thread.sleep";
    private static final String SITE_KEY_PREFIX = CheckScenarios.class.getName() + ".";

    @TempDir
    static Path workDir;

    /** The reports of the two runs of the scenario on one JDK. */
    record Reports(Path first, Path second) {
    }

    private static final OncePerJdk<Reports> REPORTS = new OncePerJdk<>("check scenario", jdk ->
            new Reports(report(jdk, "first"), report(jdk, "second")));

    private static Path report(Jdk jdk, String run) {
        ChildJvm child = ChildJvm.on(jdk, workDir).withApi();
        child.agent("threshold=20ms,json=" + child.reportFile()).run(CheckScenarios.class, run).assertExitedNormally();
        return child.reportFile();
    }

    private static ChildJvm.Result check(Jdk jdk, Object... args) {
        String[] command = new String[args.length + 1];
        command[0] = "check";
        for (int i = 0; i < args.length; i++) {
            command[i + 1] = args[i].toString();
        }
        ChildJvm.Result cli = Cli.run(jdk, workDir, command);
        Cli.assertNoStackTrace(cli);
        return cli;
    }

    /** The table row of the reason at the method's site, which shows the slowest call's line. */
    private static String row(ChildJvm.Result cli, String reason, String method) {
        Pattern row = Pattern.compile(Pattern.quote(reason) + " +" + Frame.pattern(CheckScenarios.class, method)
                + " +sleep +" + Pattern.quote(SLEEP) + " .*");
        List<String> rows = cli.stdoutLines().stream().filter(line -> row.matcher(line).matches()).toList();
        assertEquals(1, rows.size(), "rows '" + reason + "' at " + method + " in the table\n" + cli.describe());
        return rows.get(0);
    }

    private static String lastLine(ChildJvm.Result cli) {
        List<String> lines = cli.stdoutLines();
        assertTrue(!lines.isEmpty(), "no output\n" + cli.describe());
        return lines.get(lines.size() - 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aCallOverMaxMsFailsAndTheTableNamesItsSite(Jdk jdk) {
        Reports reports = REPORTS.get(jdk);

        long maxMs = 3 * CheckScenarios.SLOWING_MS - 10;

        ChildJvm.Result cli = check(jdk, reports.second(), "--max-ms", maxMs);

        assertEquals(1, cli.exitCode(), cli.describe());
        String row = row(cli, "over --max-ms", "slowing");
        assertTrue(row.endsWith(CheckScenarios.CALLS + " of " + CheckScenarios.CALLS + " calls over " + maxMs + " ms"), row);
        assertTrue(lastLine(cli).startsWith("check: FAILED, "), cli.describe());
        assertEquals("", cli.stderr(), cli.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aReportWithinMaxMsPasses(Jdk jdk) {
        ChildJvm.Result cli = check(jdk, REPORTS.get(jdk).first(), "--max-ms", 5000);

        assertEquals(0, cli.exitCode(), cli.describe());
        assertEquals(List.of("check: passed, 6 calls at 2 sites of " + REPORTS.get(jdk).first()
                + " (no call over --max-ms 5000 ms)"), cli.stdoutLines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aWrittenBaselineHoldsTheSiteKeysAndTheSameReportPassesAgainstIt(Jdk jdk) throws IOException {
        Path report = REPORTS.get(jdk).first();
        Path baseline = Files.createTempDirectory(workDir, "baseline-").resolve("blockwatch-baseline.txt");

        ChildJvm.Result written = check(jdk, report, "--write-baseline", baseline);
        ChildJvm.Result checked = check(jdk, report, "--baseline", baseline);

        assertEquals(0, written.exitCode(), written.describe());
        assertEquals(List.of("check: wrote 2 sites to baseline " + baseline), written.stdoutLines());
        List<String> sites = Files.readAllLines(baseline, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#")).toList();
        assertEquals(2, sites.size(), "site lines of\n" + Files.readString(baseline));
        assertTrue(sites.get(0).matches(Pattern.quote(SITE_KEY_PREFIX + "slowing sleep " + SLEEP + " ") + "\\d+\\.\\d"),
                sites.get(0));
        assertTrue(sites.get(1).matches(Pattern.quote(SITE_KEY_PREFIX + "steady sleep " + SLEEP + " ") + "\\d+\\.\\d"),
                sites.get(1));
        assertEquals(0, checked.exitCode(), checked.describe());
        assertEquals(List.of("check: passed, 6 calls at 2 sites of " + report + " (every site in baseline " + baseline
                + ", none slower than its p99 + 50%)"), checked.stdoutLines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aNewSiteAndASiteThreeTimesAsSlowFailAgainstTheBaseline(Jdk jdk) throws IOException {
        Reports reports = REPORTS.get(jdk);
        Path baseline = Files.createTempDirectory(workDir, "baseline-").resolve("blockwatch-baseline.txt");
        assertEquals(0, check(jdk, reports.first(), "--write-baseline", baseline).exitCode());

        ChildJvm.Result cli = check(jdk, reports.second(), "--baseline", baseline);

        assertEquals(1, cli.exitCode(), cli.describe());
        assertTrue(row(cli, "new site", "added").endsWith("not in the baseline"), cli.describe());
        String slower = row(cli, "slower", "slowing");
        assertTrue(slower.matches(".* p99 \\d+\\.\\d ms vs \\d+\\.\\d ms in baseline \\(\\+\\d+%, tolerance 50%\\)"), slower);
        assertTrue(lastLine(cli).matches("check: FAILED, \\d problems \\(1 new site, \\d slower\\) in 7 calls at 3 sites"
                + " of " + Pattern.quote(reports.second().toString())), cli.describe());
        // the slower calls were made from another line of the method than the baseline's: the same site key
        assertNotEquals(onlySiteOfSlowing(reports.first()), onlySiteOfSlowing(reports.second()));
    }

    private static String onlySiteOfSlowing(Path report) {
        List<String> sites = Report.read(report).finalCallsAt(CheckScenarios.class, "slowing").stream()
                .map(call -> call.string("site")).distinct().toList();
        assertEquals(1, sites.size(), "sites of slowing in " + report);
        return sites.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aMalformedLineExitsTwoWithItsLineNumber(Jdk jdk) throws IOException {
        Path copy = Files.createTempDirectory(workDir, "malformed-").resolve("report.jsonl");
        List<String> lines = Files.readAllLines(REPORTS.get(jdk).first(), StandardCharsets.UTF_8);
        String second = lines.get(1);
        assertTrue(second.startsWith("{\"event\":\"blocking-call\","), second);
        lines.set(1, second.substring(0, second.length() / 2)); // a record cut short
        Files.write(copy, lines, StandardCharsets.UTF_8);

        String error = Cli.assertOneErrorLine(check(jdk, copy, "--max-ms", 5000));

        assertTrue(error.startsWith("blockwatch: " + copy + ":2: not a JSON object: "), error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aMissingReportExitsTwo(Jdk jdk) {
        Path missing = workDir.resolve("no-such-report.jsonl");

        String error = Cli.assertOneErrorLine(check(jdk, missing));

        assertEquals("blockwatch: no report at " + missing + ": no such file or directory (was the agent running with json="
                + missing + "?)", error);
    }
}
