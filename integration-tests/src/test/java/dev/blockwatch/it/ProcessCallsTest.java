package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.it.apps.ProcessScenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code process} family. At threshold 50 ms with the default {@code detail=redacted}, waiting
 * about 150 ms for {@code sleep 0.15} gives one record, for the wait, whose detail is the program and
 * its argument count. At threshold 0 with {@code detail=full}, the start and the wait of the same
 * child process are reported apart, and a quick {@code Runtime.exec}, each with the whole command
 * line. One child JVM per JDK and option set runs all of {@link ProcessScenarios}.
 */
class ProcessCallsTest {
    private static final String LOOP = "selector-loop";
    private static final String WAIT_FOR = "java.lang.Process.waitFor";
    private static final String SLEEP_COMMAND = "sleep " + ProcessScenarios.SLEEP_SECONDS;
    /** The child's 150 ms run from its start; the wait gets what is left once the start has returned. */
    private static final double MIN_WAIT_MS = 50;

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> REDACTED = new OncePerJdk<>("redacted-detail", jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.agent("threshold=50ms,json=" + child.reportFile())
                .run(ProcessScenarios.class)
                .assertExitedNormally();
    });
    private static final OncePerJdk<ChildJvm.Result> FULL_AT_ZERO = new OncePerJdk<>("full-detail", jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.agent("threshold=0ms,detail=full,log=false,json=" + child.reportFile())
                .run(ProcessScenarios.class)
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void waitForIsReportedWithTheProgramAndItsArgumentCount(Jdk jdk) {
        ChildJvm.Result child = REDACTED.get(jdk);
        assertEquals("0", child.fact("startAndWaitForSleep.value"), "exit code of " + SLEEP_COMMAND);
        ReportRecord call = child.report().onlyFinalCallAt(ProcessScenarios.class, "startAndWaitForSleep");
        expected(child, "startAndWaitForSleep", WAIT_FOR, "sleep +1 args", MIN_WAIT_MS, 50).assertMatches(call, child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void waitForWithTimeoutIsReported(Jdk jdk) {
        ChildJvm.Result child = REDACTED.get(jdk);
        assertEquals("true", child.fact("startAndWaitForSleepWithTimeout.value"),
                "whether " + SLEEP_COMMAND + " ended");
        ReportRecord call = child.report().onlyFinalCallAt(ProcessScenarios.class, "startAndWaitForSleepWithTimeout");
        expected(child, "startAndWaitForSleepWithTimeout", WAIT_FOR, "sleep +1 args", MIN_WAIT_MS, 50)
                .assertMatches(call, child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void startAndWaitForAreReportedApartWithTheWholeCommandLine(Jdk jdk) {
        ChildJvm.Result child = FULL_AT_ZERO.get(jdk);
        assertEquals("0", child.fact("startAndWaitForSleep.value"), "exit code of " + SLEEP_COMMAND);
        Report report = child.report();
        List<ReportRecord> calls = report.finalCallsAt(ProcessScenarios.class, "startAndWaitForSleep");
        assertEquals(List.of("java.lang.ProcessBuilder.start", WAIT_FOR),
                calls.stream().map(call -> call.string("operation")).toList(),
                "operations of the final records at startAndWaitForSleep, in the order of the calls:\n" + report);
        expected(child, "startAndWaitForSleep", "java.lang.ProcessBuilder.start", SLEEP_COMMAND, 0, 0)
                .assertMatches(calls.get(0), child);
        expected(child, "startAndWaitForSleep", WAIT_FOR, SLEEP_COMMAND, MIN_WAIT_MS, 0)
                .assertMatches(calls.get(1), child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void runtimeExecIsReportedOnceAtThresholdZero(Jdk jdk) {
        ChildJvm.Result child = FULL_AT_ZERO.get(jdk);
        assertEquals("1", child.fact("execQuickCommand.value"), "exit code of " + String.join(" ",
                ProcessScenarios.QUICK_COMMAND));
        // Runtime.exec starts the process through ProcessBuilder.start: the outermost call is reported.
        ReportRecord call = child.report().onlyFinalCallAt(ProcessScenarios.class, "execQuickCommand");
        expected(child, "execQuickCommand", "java.lang.Runtime.exec",
                String.join(" ", ProcessScenarios.QUICK_COMMAND), 0, 0).assertMatches(call, child);
    }

    private static ExpectedCall expected(ChildJvm.Result child, String scenario, String operation, String detail,
                                         double minMs, double thresholdMs) {
        assertEquals(LOOP, child.fact(scenario + ".thread"), "thread of " + scenario);
        return new ExpectedCall("process", operation, detail, LOOP, Long.parseLong(child.fact(scenario + ".threadId")),
                ProcessScenarios.class, scenario, minMs, 1000, thresholdMs);
    }
}
