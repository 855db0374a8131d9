package dev.blockwatch.cli;

import static dev.blockwatch.cli.ReportLines.HANDLER;
import static dev.blockwatch.cli.ReportLines.READ;
import static dev.blockwatch.cli.ReportLines.SLEEP;
import static dev.blockwatch.cli.ReportLines.agentStart;
import static dev.blockwatch.cli.ReportLines.call;
import static dev.blockwatch.cli.ReportLines.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check command as CI runs it: its exit code and every line it prints. */
class CheckCommandTest {
    private static final String STORE = "app//com.example.Store.save(Store.java:88)";
    private static final String POLLER = "com.example.Poller.poll(Poller.java:12)";

    @TempDir
    Path dir;

    /** What one run of the command did. */
    private record Outcome(int exitCode, List<String> lines) {
    }

    private Outcome check(String... args) throws CommandFailure {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of("check"));
        command.addAll(List.of(args));
        int exitCode = CheckCommand.run(command.toArray(new String[0]), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private String refusal(String... args) {
        return assertThrows(CommandFailure.class, () -> check(args)).getMessage();
    }

    private String report(String name, String... lines) throws IOException {
        return ReportLines.write(dir.resolve(name), lines).toString();
    }

    /** Five calls at the handler, two at the store, one at the poller. */
    private String todaysReport() throws IOException {
        return report("today.jsonl", agentStart(),
                call(1, HANDLER, 21.0), call(2, HANDLER, 22.0), call(3, HANDLER, 23.0),
                call(4, HANDLER, 24.0), call(5, HANDLER, 62.04),
                call(6, STORE, "jdbc", "java.sql.Statement.execute", 30.0, false),
                call(7, STORE, "jdbc", "java.sql.Statement.execute", 140.03, false),
                call(8, POLLER, "sleep", SLEEP, 20.12, true),
                summary(0));
    }

    private Path baseline(String... siteLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# a baseline"));
        lines.addAll(List.of(siteLines));
        return Files.write(dir.resolve("baseline.txt"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void aReportWithinMaxMsPasses() throws Exception {
        String report = todaysReport();

        Outcome outcome = check(report, "--max-ms", "140.03"); // the longest call: not more than the limit

        assertEquals(0, outcome.exitCode());
        assertEquals(List.of("check: passed, 8 calls at 3 sites of " + report + " (no call over --max-ms 140.03 ms)"),
                outcome.lines());
        assertEquals(1, check(report, "--max-ms", "140.02").exitCode());
    }

    @Test
    void everyProblemIsARowOfTheTable() throws Exception {
        String report = todaysReport();
        Path baseline = baseline(
                "com.example.Handler.channelRead file java.io.FileInputStream.read 20.0",
                "com.example.Store.save jdbc java.sql.Statement.execute 150.0",
                "com.example.Gone.away file java.io.FileInputStream.read 5.0");

        Outcome outcome = check(report, "--max-ms", "50", "--baseline", baseline.toString());

        assertEquals(1, outcome.exitCode());
        assertEquals(List.of(
                "reason         site                                                   category  operation                     calls"
                        + "  p99 ms  baseline p99 ms  max ms  why",
                "over --max-ms  app//com.example.Handler.channelRead(Handler.java:42)  file      java.io.FileInputStream.read      5"
                        + "    62.0                -    62.0  1 of 5 calls over 50 ms",
                "over --max-ms  app//com.example.Store.save(Store.java:88)             jdbc      java.sql.Statement.execute        2"
                        + "   140.0                -   140.0  1 of 2 calls over 50 ms",
                "new site       com.example.Poller.poll(Poller.java:12)                sleep     java.lang.Thread.sleep            1"
                        + "    20.1                -    20.1  not in the baseline",
                "slower         app//com.example.Handler.channelRead(Handler.java:42)  file      java.io.FileInputStream.read      5"
                        + "    62.0             20.0    62.0  p99 62.0 ms vs 20.0 ms in baseline (+210%, tolerance 50%)",
                "check: 1 site of baseline " + baseline + " is not in this report (not a failure)",
                "check: FAILED, 4 problems (2 over --max-ms, 1 new site, 1 slower) in 8 calls at 3 sites of " + report),
                outcome.lines());
    }

    @Test
    void aReportPassesAgainstTheBaselineWrittenFromIt() throws Exception {
        String report = todaysReport();
        Path baseline = dir.resolve("baseline.txt");

        Outcome written = check(report, "--write-baseline", baseline.toString());
        Outcome checked = check(report, "--baseline", baseline.toString(), "--tolerance", "0");

        assertEquals(new Outcome(0, List.of("check: wrote 3 sites to baseline " + baseline)), written);
        assertEquals(new Outcome(0, List.of("check: passed, 8 calls at 3 sites of " + report + " (every site in baseline "
                + baseline + ", none slower than its p99 + 0%)")), checked);
    }

    @Test
    void theToleranceIsAPercentageWithOrWithoutItsSign() throws Exception {
        String report = todaysReport(); // handler p99 62.0
        Path baseline = baseline("com.example.Handler.channelRead file java.io.FileInputStream.read 40.0",
                "com.example.Store.save jdbc java.sql.Statement.execute 140.0",
                "com.example.Poller.poll sleep java.lang.Thread.sleep 20.1");

        assertEquals(0, check(report, "--baseline", baseline.toString(), "--tolerance", "55%").exitCode(), "62 = 40 + 55%");
        assertEquals(0, check(report, "--baseline", baseline.toString(), "--tolerance", "55").exitCode());
        assertEquals(1, check(report, "--baseline", baseline.toString(), "--tolerance", "54.9%").exitCode());
        assertEquals(1, check(report, "--baseline", baseline.toString()).exitCode(), "the default is 50%");
        assertEquals("p99 62.0 ms vs 40.0 ms in baseline (+55%, tolerance 12.5%)",
                whyOfOnlyRow(check(report, "--baseline", baseline.toString(), "--tolerance", "12.5%")));
    }

    private static String whyOfOnlyRow(Outcome outcome) {
        assertEquals(1, outcome.exitCode(), outcome.lines().toString());
        assertEquals(3, outcome.lines().size(), outcome.lines().toString());
        String row = outcome.lines().get(1);
        return row.substring(row.indexOf("p99 "));
    }

    @Test
    void badTolerancesAreRefused() throws Exception {
        String report = todaysReport();
        for (String bad : List.of("abc", "-5", "50%%", "%", "", "1e3", "0x10", "50d", " 50")) {
            assertEquals("--tolerance " + bad + ": expected a percentage such as 50% (or 50)",
                    refusal(report, "--tolerance", bad), bad);
        }
        assertEquals(25.0, CheckCommand.tolerancePercent("25%"));
        assertEquals(25.0, CheckCommand.tolerancePercent("25"));
        assertEquals(0.5, CheckCommand.tolerancePercent("0.5%"));
    }

    @Test
    void aSiteOnlyInTheBaselineIsNoFailure() throws Exception {
        String report = report("one.jsonl", agentStart(), call(1, HANDLER, 30.0));
        Path baseline = baseline("com.example.Handler.channelRead file java.io.FileInputStream.read 30.0",
                "com.example.A.gone sleep java.lang.Thread.sleep 30.0",
                "com.example.B.gone sleep java.lang.Thread.sleep 30.0");

        Outcome outcome = check(report, "--baseline", baseline.toString());

        assertEquals(0, outcome.exitCode());
        assertEquals("check: 2 sites of baseline " + baseline + " are not in this report (not a failure)",
                outcome.lines().get(0));
    }

    @Test
    void droppedReportsAreAWarningThatLeavesTheExitCode() throws Exception {
        String report = report("dropped.jsonl", agentStart(), call(1, HANDLER, 30.0), summary(17));

        Outcome passed = check(report, "--max-ms", "50");
        Outcome failed = check(report, "--max-ms", "10");

        String warning = "check: warning: the agent dropped 17 reports under load; this check saw only the 1 call written";
        assertEquals(0, passed.exitCode());
        assertEquals(List.of(warning, "check: passed, 1 call at 1 site of " + report + " (no call over --max-ms 50 ms)"),
                passed.lines());
        assertEquals(1, failed.exitCode());
        assertEquals(warning, failed.lines().get(0));
    }

    @Test
    void withBothBaselineOptionsTheOldOneJudgesAndTheNewOneIsWritten() throws Exception {
        String report = todaysReport();
        Path baseline = baseline("com.example.Handler.channelRead file java.io.FileInputStream.read 20.0");

        Outcome outcome = check(report, "--baseline", baseline.toString(), "--write-baseline", baseline.toString());

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.lines().contains("check: wrote 3 sites to baseline " + baseline), outcome.lines().toString());
        assertTrue(outcome.lines().get(outcome.lines().size() - 1).startsWith("check: FAILED, 3 problems (2 new site, 1 slower)"),
                outcome.lines().toString());
        assertEquals(0, check(report, "--baseline", baseline.toString()).exitCode(), "the new baseline");
    }

    @Test
    void writingABaselineStillAppliesMaxMs() throws Exception {
        String report = todaysReport();
        Path baseline = dir.resolve("new-baseline.txt");

        Outcome outcome = check(report, "--write-baseline", baseline.toString(), "--max-ms", "100");

        assertEquals(1, outcome.exitCode());
        assertEquals("check: wrote 3 sites to baseline " + baseline, outcome.lines().get(2));
        assertEquals("check: FAILED, 1 problem (1 over --max-ms) in 8 calls at 3 sites of " + report, outcome.lines().get(3));
        assertTrue(Files.isRegularFile(baseline));
    }

    @Test
    void aReportWithoutCallsPasses() throws Exception {
        String report = report("quiet.jsonl", agentStart(), summary(0));
        Path baseline = baseline("com.example.Handler.channelRead file java.io.FileInputStream.read 20.0");

        Outcome outcome = check(report, "--max-ms", "0", "--baseline", baseline.toString());

        assertEquals(0, outcome.exitCode());
        assertEquals("check: passed, 0 calls at 0 sites of " + report + " (no call over --max-ms 0 ms; every site in"
                + " baseline " + baseline + ", none slower than its p99 + 50%)", outcome.lines().get(1));
    }

    @Test
    void withoutCriteriaTheReportIsOnlyRead() throws Exception {
        String report = todaysReport();

        assertEquals(new Outcome(0, List.of("check: passed, 8 calls at 3 sites of " + report
                + " (no --max-ms or --baseline given: the report was only read)")), check(report));
    }

    @Test
    void badArgumentsAreRefusedWithTheUsage() throws Exception {
        String report = todaysReport();
        String usage = "usage: java -jar blockwatch-agent.jar check <report.jsonl> [--max-ms X] [--baseline B]"
                + " [--write-baseline B] [--tolerance P]";

        assertEquals("check needs the report the agent wrote with json=<path>; " + usage, refusal());
        assertEquals("check needs the report the agent wrote with json=<path>; " + usage, refusal("--max-ms", "5"));
        assertEquals("unknown option --max for check; " + usage, refusal(report, "--max", "5"));
        assertEquals("unknown option -v for check; " + usage, refusal(report, "-v"));
        assertEquals("--max-ms needs a value; " + usage, refusal(report, "--max-ms"));
        assertEquals("--baseline needs a value; " + usage, refusal(report, "--baseline", "--max-ms", "5"));
        assertEquals("check takes one report, and 'other.jsonl' is a second; " + usage, refusal(report, "other.jsonl"));
        assertEquals("--max-ms is given twice; give it once", refusal(report, "--max-ms", "5", "--max-ms", "6"));
        for (String bad : List.of("abc", "-5", "5ms", "1e3", "")) {
            assertEquals("--max-ms " + bad + ": expected a number of milliseconds such as 50 or 12.5",
                    refusal(report, "--max-ms", bad), bad);
        }
    }

    @Test
    void aBadBaselineIsRefusedBeforeAnythingIsWritten() throws Exception {
        String report = todaysReport();
        Path baseline = baseline("com.example.Handler.channelRead file 20.0");
        Path written = dir.resolve("written.txt");

        assertEquals(baseline + ":2: expected 'site category operation p99-ms', found"
                        + " 'com.example.Handler.channelRead file 20.0'; rewrite the file with --write-baseline",
                refusal(report, "--baseline", baseline.toString(), "--write-baseline", written.toString()));
        assertTrue(Files.notExists(written));
    }

    @Test
    void theCommandLineRunsCheck() throws Exception {
        String report = todaysReport();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int failed;
        int refused;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            failed = BlockwatchCli.run(new String[] {"check", report, "--max-ms", "50"});
            refused = BlockwatchCli.run(new String[] {"check", dir.resolve("missing.jsonl").toString()});
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertEquals(1, failed);
        assertEquals(2, refused);
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("check: FAILED, 2 problems"), stdout.toString());
        assertEquals("blockwatch: no report at " + dir.resolve("missing.jsonl") + ": no such file or directory (was the"
                + " agent running with json=" + dir.resolve("missing.jsonl") + "?)" + System.lineSeparator(),
                stderr.toString(StandardCharsets.UTF_8));
    }
}
