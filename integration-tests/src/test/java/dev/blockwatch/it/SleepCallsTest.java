package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.SleepScenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code sleep} family: 150 ms sleeps on a selector loop at threshold 50 ms, each reported once
 * as {@code java.lang.Thread.sleep} with no detail. One child JVM per JDK runs all of {@link SleepScenarios}.
 */
class SleepCallsTest {
    private static final String LOOP = "selector-loop";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.agent("threshold=50ms,json=" + child.reportFile())
                .run(SleepScenarios.class)
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadSleepIsReported(Jdk jdk) {
        assertSleepReported(RUN.get(jdk), "sleepMillis");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadSleepWithNanosIsReportedOnce(Jdk jdk) {
        assertSleepReported(RUN.get(jdk), "sleepMillisAndNanos");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void timeUnitSleepIsReportedAsThreadSleepAtTheCaller(Jdk jdk) {
        assertSleepReported(RUN.get(jdk), "sleepThroughTimeUnit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadSleepInALambdaIsReportedAtTheLambdasLine(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals("slept", child.fact("sleepInALambda.value"));
        List<ReportRecord> calls = child.report().finalCallsOn(LOOP).stream()
                .filter(call -> call.string("site").matches(
                        "(?:[^/\\s(]*/){0,2}" + Pattern.quote(SleepScenarios.class.getName() + ".lambda$sleepInALambda$")
                                + "\\d+\\(SleepScenarios\\.java:\\d+\\)"))
                .toList();
        assertEquals(1, calls.size(), "sleeps reported in the lambda\n" + child.describe());
        assertEquals("sleep", calls.get(0).string("category"));
        assertEquals("java.lang.Thread.sleep", calls.get(0).string("operation"));
        assertTrue(calls.get(0).number("durationMs") >= 100, child.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void anUnqualifiedSleepInAThreadSubclassIsReported(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals("slept", child.fact("sleepUnqualifiedInAThreadSubclass.value"));
        List<ReportRecord> calls = child.report().finalCallsOn(LOOP).stream()
                .filter(call -> Frame.is(call.string("site"), SleepScenarios.Napper.class, "nap"))
                .toList();
        assertEquals(1, calls.size(), "sleeps reported in Napper.nap\n" + child.describe());
        assertEquals("java.lang.Thread.sleep", calls.get(0).string("operation"));
        assertTrue(calls.get(0).number("durationMs") >= 100, child.describe());
    }

    /**
     * After a burst of millions of calls a second blockwatch's call watch keeps the time of the
     * loop's calls: the sleep is still reported once, its duration at most one of the watch's
     * periods (5 ms at 50 ms) long, and the burst's zero-byte reads not at all.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadSleepTimedByTheCallWatchAfterABurstOfCallsIsReportedOnce(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertSleepReported(child, "sleepAfterABurstOfCalls");
        double durationMs = child.report().onlyFinalCallAt(SleepScenarios.class, "sleepAfterABurstOfCalls")
                .number("durationMs");
        assertTrue(durationMs < SleepScenarios.SLEEP.toMillis() + 50, "durationMs " + durationMs + "\n" + child.describe());
        assertEquals(List.of(), child.report().blockingCalls().stream()
                .filter(call -> call.string("category").equals("file")).toList(), "file records\n" + child.describe());
    }

    private static void assertSleepReported(ChildJvm.Result child, String scenario) {
        assertEquals("slept", child.fact(scenario + ".value"), "result of " + scenario);
        assertEquals(LOOP, child.fact(scenario + ".thread"), "thread of " + scenario);
        ReportRecord call = child.report().onlyFinalCallAt(SleepScenarios.class, scenario);
        new ExpectedCall("sleep", "java.lang.Thread.sleep", null, LOOP,
                Long.parseLong(child.fact(scenario + ".threadId")), SleepScenarios.class, scenario,
                100, 1000, 50)
                .assertMatches(call, child);
    }
}
