package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.AttachTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code attach}, {@code detach} and {@code list} against a running Netty server started without
 * the agent, in each direction between the JDKs: the CLI runs on one JDK, the target on the other.
 * One target per direction lives through one session, as a user would go:
 * <ol>
 * <li>the target runs its 150 ms sleep on its event loop once before anything (go-0), so that the
 *     class holding the call site is loaded and has run before the agent comes;</li>
 * <li>{@code list}: the target is there, inactive;</li>
 * <li>{@code attach <pid> json=<report>,threshold=abc}: refused, and the target is unchanged: its
 *     next sleep (go-1) is not reported, no report file appears, {@code list} still says inactive;</li>
 * <li>{@code attach <pid> threshold=50ms,json=<report>}: active; the next sleep (go-2) is reported;</li>
 * <li>{@code list}: active, threshold 50 ms;</li>
 * <li>{@code attach} again with {@code threshold=500ms,json=<report 2>}: the new options take effect,
 *     the first run's summary is written; the next 150 ms sleep (go-3) is no longer reported;</li>
 * <li>{@code detach}: the summary is written; the next sleep (go-4) is reported nowhere, and a probe
 *     (probe-5) finds that blockwatch's advice no longer runs at all;</li>
 * <li>{@code list}: inactive again;</li>
 * <li>{@code attach <pid> threshold=50ms,json=<report 3>}: works again; the next sleep (go-6) is
 *     reported once; a probe (probe-7) finds the advice running, which shows the probe can tell;</li>
 * <li>stop: the target exits normally.</li>
 * </ol>
 */
class AttachTest {
    private static final String GOOD_OPTIONS = "threshold=50ms,json=";
    private static final double THRESHOLD_MS = 50;
    /** How often blockwatch's call watch looks at threshold=50ms: a tenth of it. */
    private static final Duration CALL_WATCH_PERIOD = Duration.ofMillis(5);
    /** A reported call as the log sink writes it, from DESIGN.md's log form. */
    private static final String REPORT_LINE = "(?sm).*^blockwatch: (still blocked after )?\\d.*";

    @TempDir
    static Path workDir;

    /** The CLI runs on {@code cli}, the target on {@code target}. */
    record Direction(Jdk cli, Jdk target) {
        static Direction toTarget(Jdk target) {
            Jdk cli = Jdk.all().stream().filter(jdk -> !jdk.equals(target)).findFirst()
                    .orElseThrow(() -> new AssertionError("attach across JDKs needs two JDKs in "
                            + Jdk.HOMES_PROPERTY + ", got " + Jdk.all()));
            return new Direction(cli, target);
        }

        @Override
        public String toString() {
            return "CLI on " + cli + ", target on " + target;
        }
    }

    static Stream<Direction> directions() {
        return Jdk.all().stream().map(Direction::toTarget);
    }

    /** Everything one session saw, step by step; each test checks a part of it. */
    record Session(Direction direction, long pid, Path reportFile,
                   ChildJvm.Result listBefore,
                   ChildJvm.Result badAttach, boolean reportExistedAfterBadAttach, String outputAfterBadAttach,
                   ChildJvm.Result listAfterBadAttach,
                   ChildJvm.Result attach,
                   ChildJvm.Result listAfterAttach,
                   Path secondReportFile, ChildJvm.Result attachAgain,
                   ChildJvm.Result detach,
                   ChildJvm.Result listAfterDetach,
                   Path thirdReportFile, ChildJvm.Result attachAfterDetach,
                   ChildJvm.Result target) {
    }

    private static final OncePerJdk<Session> SESSION = new OncePerJdk<>("attach target", targetJdk -> {
        Direction direction = Direction.toTarget(targetJdk);
        Jdk cli = direction.cli();
        try (TargetJvm target = TargetJvm.start(targetJdk, workDir)) {
            long pid = target.pid();
            String pidArg = String.valueOf(pid);
            Path report = target.reportFile();
            target.runScenario(0);
            ChildJvm.Result listBefore = Cli.run(cli, workDir, "list");
            ChildJvm.Result badAttach = Cli.run(cli, workDir, "attach", pidArg, "json=" + report + ",threshold=abc");
            target.runScenario(1);
            boolean reportExisted = Files.exists(report);
            String outputAfterBadAttach = target.outputSoFar();
            ChildJvm.Result listAfterBad = Cli.run(cli, workDir, "list");
            ChildJvm.Result attach = Cli.run(cli, workDir, "attach", pidArg, GOOD_OPTIONS + report);
            target.runScenario(2);
            ChildJvm.Result listAfter = Cli.run(cli, workDir, "list");
            Path secondReport = report.resolveSibling("report-2.jsonl");
            ChildJvm.Result attachAgain = Cli.run(cli, workDir, "attach", pidArg,
                    "threshold=500ms,json=" + secondReport);
            target.runScenario(3);
            ChildJvm.Result detach = Cli.run(cli, workDir, "detach", pidArg);
            target.runScenario(4);
            target.runProbe(5);
            ChildJvm.Result listAfterDetach = Cli.run(cli, workDir, "list");
            Path thirdReport = report.resolveSibling("report-3.jsonl");
            ChildJvm.Result attachAfterDetach = Cli.run(cli, workDir, "attach", pidArg, GOOD_OPTIONS + thirdReport);
            target.runScenario(6);
            target.runProbe(7);
            return new Session(direction, pid, report, listBefore, badAttach, reportExisted, outputAfterBadAttach,
                    listAfterBad, attach, listAfter, secondReport, attachAgain, detach, listAfterDetach, thirdReport,
                    attachAfterDetach, target.stop());
        }
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void listShowsTheTargetInactiveBeforeAttach(Direction direction) {
        Session session = SESSION.get(direction.target());
        assertInactive(session.listBefore(), session.pid());
        assertListExcludesItself(session.listBefore());
        assertEquals(1, Cli.listLinesOf(session.listBefore(), ProcessHandle.current().pid()).size(),
                "list lines naming this test's own JVM, pid " + ProcessHandle.current().pid() + ", a local JVM too\n"
                        + session.listBefore().describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void attachWithABadOptionExitsTwoNamingItAndLeavesTheTargetUnchanged(Direction direction) {
        Session session = SESSION.get(direction.target());
        String line = Cli.assertOneErrorLine(session.badAttach());
        assertTrue(line.contains("threshold"), "the error line should name the option threshold: " + line);
        assertFalse(session.reportExistedAfterBadAttach(), "a report file " + session.reportFile()
                + " was written after the refused attach (before the good one)\n" + session.outputAfterBadAttach());
        assertFalse(session.outputAfterBadAttach().matches(REPORT_LINE),
                "the target logged a blocking call after the refused attach\n" + session.outputAfterBadAttach());
        assertInactive(session.listAfterBadAttach(), session.pid());
        // go-1, the sleep made after the refused attach, is not in the report the later good attach starts
        assertNoCallBefore(session, session.attach().started());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void attachExitsZeroWithOneLineOfTheEffectiveOptions(Direction direction) {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result attach = session.attach();
        Cli.assertNoStackTrace(attach);
        assertEquals(0, attach.exitCode(), "exit code of attach\n" + attach.describe()
                + "\n=== the target ===\n" + session.target().describe());
        List<String> lines = attach.stdoutLines();
        assertEquals(1, lines.size(), "stdout lines of attach\n" + attach.describe());
        String line = lines.get(0);
        assertTrue(line.matches("blockwatch: active in " + session.pid() + "(?!\\d).*"),
                "the line should start 'blockwatch: active in " + session.pid() + "'\n" + attach.describe());
        for (String option : List.of("threshold=50ms", "threads=event-loop", "log=true",
                "json=" + session.reportFile())) {
            assertTrue(line.contains(option), "the line should show the effective option " + option + ": " + line);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void sleepOnTheEventLoopAfterAttachIsReported(Direction direction) throws IOException {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result target = session.target();
        Path reportFile = target.reportFile();
        assertTrue(Files.exists(reportFile) && Files.size(reportFile) > 0, "no report, or an empty one, at " + reportFile
                + "\n=== attach ===\n" + session.attach().describe() + "\n=== the target ===\n" + target.describe());
        Report report = target.report();
        // the first record is the attach's agent-start (that it stays the only one is attachingAgain...'s business)
        ReportRecord start = report.firstRecord();
        assertEquals("agent-start", start.event(), "the first record of the report:\n" + report);
        assertEquals(session.pid(), start.integer("pid"), "pid in " + start);
        assertEquals("50ms", start.object("options").string("threshold"), "options.threshold in " + start);
        // go-2 ran after attach returned and before the next list started
        ReportRecord call = onlySleepBetween(session, session.attach().ended(), session.listAfterAttach().started(),
                "go-2, the first sleep after attach");
        assertSleepRecord(call, target, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void callsBeforeAttachAreNotReported(Direction direction) {
        Session session = SESSION.get(direction.target());
        assertEquals("slept", session.target().fact(AttachTarget.scenario(0) + ".value"), "go-0 ran");
        assertEquals("slept", session.target().fact(AttachTarget.scenario(1) + ".value"), "go-1 ran");
        assertNoCallBefore(session, session.attach().started());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void listShowsTheTargetActiveWithItsThresholdAfterAttach(Direction direction) {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result list = session.listAfterAttach();
        String line = Cli.assertListed(list, session.pid(), AttachTarget.class);
        int active = line.indexOf("blockwatch active: ");
        assertTrue(active >= 0, "the target's line should say 'blockwatch active: <options>'\n" + list.describe()
                + "\n=== attach ===\n" + session.attach().describe());
        assertFalse(line.contains("blockwatch inactive"), "the target's line says inactive too\n" + list.describe());
        assertTrue(line.substring(active).contains("threshold=50ms"),
                "the options after 'blockwatch active: ' should show threshold=50ms\n" + list.describe());
        assertListExcludesItself(list);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void attachingAgainTakesTheNewOptionsAfterClosingTheFirstRun(Direction direction) {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result attachAgain = session.attachAgain();
        Cli.assertNoStackTrace(attachAgain);
        assertEquals(0, attachAgain.exitCode(), "exit code of the second attach\n" + attachAgain.describe());
        List<String> lines = attachAgain.stdoutLines();
        assertEquals(1, lines.size(), "stdout lines of the second attach\n" + attachAgain.describe());
        assertTrue(lines.get(0).startsWith("blockwatch: active in " + session.pid() + " ")
                        && lines.get(0).contains("with new options") && lines.get(0).contains("threshold=500ms"),
                "the line should say the new options are active: " + lines.get(0));
        // the first run ended at the second attach: its summary, and nothing after
        Report first = session.target().report();
        assertEquals(1, first.agentStarts().size(), "agent-start records of the first run:\n" + first);
        assertEquals("summary", first.lastRecord().event(), "the first run's last record:\n" + first);
        assertEquals(1, first.summary().summaryCountAt(AttachTarget.class, AttachTarget.SLEEP_METHOD),
                "the first run's summary counts go-2 only (not go-0/go-1 from before attach):\n" + first);
        Report second = Report.read(session.secondReportFile());
        assertEquals(1, second.agentStarts().size(), "agent-start records of the second run:\n" + second);
        assertEquals("500ms", second.firstRecord().object("options").string("threshold"),
                "threshold of the second run in " + second.firstRecord());
        assertEquals(List.of(), second.blockingCalls(), "go-3's 150 ms sleep is under the new threshold:\n" + second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void detachExitsZeroAndWritesTheSummary(Direction direction) {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result detach = session.detach();
        Cli.assertNoStackTrace(detach);
        assertEquals(0, detach.exitCode(), "exit code of detach\n" + detach.describe()
                + "\n=== the target ===\n" + session.target().describe());
        List<String> lines = detach.stdoutLines();
        assertEquals(1, lines.size(), "stdout lines of detach\n" + detach.describe());
        assertTrue(lines.get(0).startsWith("blockwatch: detached from " + session.pid() + " "),
                "the line should say 'blockwatch: detached from " + session.pid() + "': " + lines.get(0));
        Report second = Report.read(session.secondReportFile());
        assertEquals("summary", second.lastRecord().event(), "the last record of the run detached:\n" + second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void afterDetachNothingIsReportedAndTheAdviceNoLongerRuns(Direction direction) {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result target = session.target();
        assertEquals("slept", target.fact(AttachTarget.scenario(4) + ".value"), "go-4 ran");
        Instant detached = session.detach().ended();
        for (Path file : List.of(session.reportFile(), session.secondReportFile())) {
            Report report = Report.read(file);
            List<ReportRecord> late = report.blockingCalls().stream()
                    .filter(call -> Instant.parse(call.string("time")).isAfter(detached))
                    .toList();
            assertEquals(List.of(), late, "records of calls after detach in " + file + ":\n" + report);
        }
        assertEquals("advice did not run", target.fact(AttachTarget.scenario(5) + ".value"),
                "the probe after detach\n" + target.describe());
        assertEquals("advice ran", target.fact(AttachTarget.scenario(7) + ".value"),
                "the probe with blockwatch attached again (the probe's own check)\n" + target.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void listShowsTheTargetInactiveAfterDetach(Direction direction) {
        Session session = SESSION.get(direction.target());
        assertInactive(session.listAfterDetach(), session.pid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void attachAfterDetachWorksAgain(Direction direction) {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result attach = session.attachAfterDetach();
        assertEquals(0, attach.exitCode(), "exit code of the attach after detach\n" + attach.describe());
        Report third = Report.read(session.thirdReportFile());
        List<ReportRecord> finals = third.finalCallsAt(AttachTarget.class, AttachTarget.SLEEP_METHOD);
        assertEquals(1, finals.size(), "final records at the sleep after attaching again:\n" + third);
        assertSleepRecord(finals.get(0), session.target(), 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("directions")
    void targetExitsNormally(Direction direction) {
        Session session = SESSION.get(direction.target());
        ChildJvm.Result target = session.target().assertExitedNormally();
        assertEquals(String.valueOf(session.pid()), target.fact("pid"), "pid the target printed");
        assertEquals(session.pid(), target.pid(), "pid of the target process");
    }

    private static void assertInactive(ChildJvm.Result list, long pid) {
        String line = Cli.assertListed(list, pid, AttachTarget.class);
        assertTrue(line.contains("blockwatch inactive"), "the target's line should say 'blockwatch inactive'\n"
                + list.describe());
        assertFalse(line.contains("blockwatch active"), "the target's line says active\n" + list.describe());
    }

    private static void assertListExcludesItself(ChildJvm.Result list) {
        assertEquals(List.of(), Cli.listLinesOf(list, list.pid()),
                "list should not show its own JVM, pid " + list.pid() + "\n" + list.describe());
    }

    /** No blocking call at all is reported with a start before the instant (the good attach's start). */
    private static void assertNoCallBefore(Session session, Instant instant) {
        if (Files.notExists(session.reportFile())) {
            return; // no report at all: nothing was reported (whether the good attach worked is checked elsewhere)
        }
        Report report = session.target().report();
        List<ReportRecord> early = report.blockingCalls().stream()
                .filter(call -> Instant.parse(call.string("time"))
                        .isBefore(instant.minus(CALL_WATCH_PERIOD).truncatedTo(ChronoUnit.MILLIS)))
                .toList();
        assertEquals(List.of(), early, "records of calls made before the attach that started at " + instant
                + "; the whole report:\n" + report);
    }

    /**
     * The final record of the one sleep reported at the site with a start within [from, to] (the
     * trigger's window), with at most one in-progress record of its own that agrees with it.
     */
    private static ReportRecord onlySleepBetween(Session session, Instant from, Instant to, String which) {
        Report report = session.target().report();
        List<ReportRecord> finals = report.finalCallsAt(AttachTarget.class, AttachTarget.SLEEP_METHOD).stream()
                .filter(call -> within(call, from, to))
                .toList();
        assertEquals(1, finals.size(), "final records at " + AttachTarget.class.getName() + "."
                + AttachTarget.SLEEP_METHOD + " starting within " + from + " .. " + to + " (" + which + "; "
                + session.direction() + ") in the report:\n" + report + "\n" + session.target().describe());
        ReportRecord call = finals.get(0);
        // an in-progress record carries its call's start time, so the call's own ones are in the same window
        List<ReportRecord> inProgress = report.blockingCalls().stream()
                .filter(r -> r.bool("inProgress") && within(r, from, to))
                .toList();
        assertTrue(inProgress.size() <= 1, "more than one in-progress record of " + which + ":\n" + report);
        for (ReportRecord early : inProgress) {
            assertEquals(call.integer("callId"), early.integer("callId"), "callId of " + early + " and " + call);
            assertEquals(call.string("time"), early.string("time"), "time of " + early + " and " + call);
            assertEquals(call.string("thread"), early.string("thread"), "thread of " + early + " and " + call);
            assertEquals(call.string("site"), early.string("site"), "site of " + early + " and " + call);
        }
        return call;
    }

    /**
     * A record's time has millisecond precision, and is the start the call watch saw, up to one of its
     * periods early: a call that started right after {@code from} can read as before it.
     */
    private static boolean within(ReportRecord call, Instant from, Instant to) {
        Instant time = Instant.parse(call.string("time"));
        return !time.isBefore(from.minus(CALL_WATCH_PERIOD).truncatedTo(ChronoUnit.MILLIS)) && !time.isAfter(to);
    }

    private static void assertSleepRecord(ReportRecord call, ChildJvm.Result target, int n) {
        String scenario = AttachTarget.scenario(n);
        assertEquals("slept", target.fact(scenario + ".value"), "result of " + scenario);
        new ExpectedCall("sleep", "java.lang.Thread.sleep", null, target.fact(scenario + ".thread"),
                Long.parseLong(target.fact(scenario + ".threadId")), AttachTarget.class, AttachTarget.SLEEP_METHOD,
                100, 1000, THRESHOLD_MS)
                .assertMatches(call, target);
    }
}
