package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.WaitScenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code wait} family: waits of about 150 ms on a selector loop at threshold 50 ms, each reported
 * once as the JDK method the application called (not as the {@code LockSupport.park} the
 * java.util.concurrent ones wait in, which their stack still shows), with no detail. At threshold 0,
 * an uncontended lock is not reported while a contended one is. One child JVM per JDK and threshold
 * runs all of {@link WaitScenarios}.
 */
class WaitCallsTest {
    private static final String LOOP = "selector-loop";
    private static final List<String> PARK_METHODS = List.of("java.util.concurrent.locks.LockSupport.park",
            "java.util.concurrent.locks.LockSupport.parkNanos");

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> AT_50_MS = runAt("50ms");
    private static final OncePerJdk<ChildJvm.Result> AT_ZERO = runAt("0ms");

    private static OncePerJdk<ChildJvm.Result> runAt(String threshold) {
        return new OncePerJdk<>("threshold " + threshold, jdk -> {
            ChildJvm child = ChildJvm.on(jdk, workDir);
            return child.agent("threshold=" + threshold + ",log=false,json=" + child.reportFile())
                    .run(WaitScenarios.class)
                    .assertExitedNormally();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void countDownLatchAwaitIsReportedAsItselfWithTheParkInItsStack(Jdk jdk) {
        ChildJvm.Result child = AT_50_MS.get(jdk);
        ReportRecord call = assertWaitReported(child, "awaitLatch", "false",
                "java.util.concurrent.CountDownLatch.await");
        assertParkedInside(call, "java.util.concurrent.CountDownLatch.await");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void completableFutureGetIsTimedItselfAndReportedAsItself(Jdk jdk) {
        ChildJvm.Result child = AT_50_MS.get(jdk);
        ReportRecord call = assertWaitReported(child, "getFuture", "completed",
                "java.util.concurrent.CompletableFuture.get");
        // timed in get() itself, whose future tells a Redis client's call from other waits
        List<String> stack = call.strings("stack");
        assertTrue(Frame.isMethod(stack.get(0), "java.util.concurrent.CompletableFuture.get"),
                "the stack should start at CompletableFuture.get in " + call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void objectWaitIsReported(Jdk jdk) {
        assertWaitReported(AT_50_MS.get(jdk), "waitOnMonitor", "waited", "java.lang.Object.wait");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadJoinIsReportedOnceAlthoughItWaitsOnTheThreadsMonitor(Jdk jdk) {
        assertWaitReported(AT_50_MS.get(jdk), "joinThread", "false", "java.lang.Thread.join");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void reentrantLockHeldByAnotherThreadIsReportedAsItsLockWithTheParkInItsStack(Jdk jdk) {
        ChildJvm.Result child = AT_50_MS.get(jdk);
        ReportRecord call = assertWaitReported(child, "lockContended", "locked",
                "java.util.concurrent.locks.ReentrantLock.lock");
        assertParkedInside(call, "java.util.concurrent.locks.ReentrantLock.lock");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void uncontendedLockIsNotReportedAtThresholdZeroWhileAContendedOneIs(Jdk jdk) {
        ChildJvm.Result child = AT_ZERO.get(jdk);
        assertEquals(String.valueOf(WaitScenarios.UNCONTENDED_LOCKS), child.fact("lockUncontended.value"),
                "uncontended locks taken");
        assertEquals(LOOP, child.fact("lockUncontended.thread"), "thread of lockUncontended");
        Report report = child.report();
        assertEquals(List.of(), report.blockingCallsAt(WaitScenarios.class, "lockUncontended"),
                "records of " + WaitScenarios.UNCONTENDED_LOCKS + " uncontended locks at threshold 0");
        // The same child reports the contended lock: threshold 0 does time the locks that wait.
        assertEquals("locked", child.fact("lockContended.value"), "result of lockContended");
        ReportRecord contended = report.onlyFinalCallAt(WaitScenarios.class, "lockContended");
        new ExpectedCall("wait", "java.util.concurrent.locks.ReentrantLock.lock", null, LOOP,
                Long.parseLong(child.fact("lockContended.threadId")), WaitScenarios.class, "lockContended",
                100, 1000, 0)
                .assertMatches(contended, child);
    }

    private static ReportRecord assertWaitReported(ChildJvm.Result child, String scenario, String value,
                                                   String operation) {
        assertEquals(value, child.fact(scenario + ".value"), "result of " + scenario);
        assertEquals(LOOP, child.fact(scenario + ".thread"), "thread of " + scenario);
        ReportRecord call = child.report().onlyFinalCallAt(WaitScenarios.class, scenario);
        new ExpectedCall("wait", operation, null, LOOP, Long.parseLong(child.fact(scenario + ".threadId")),
                WaitScenarios.class, scenario, 100, 1000, 50)
                .assertMatches(call, child);
        return call;
    }

    /** The stack holds the park the wait happened in, below it the API the application called, then the site. */
    private static void assertParkedInside(ReportRecord call, String apiMethod) {
        List<String> stack = call.strings("stack");
        int park = indexOf(stack, PARK_METHODS);
        int api = indexOf(stack, List.of(apiMethod));
        assertTrue(park >= 0, "the stack should show the park (" + PARK_METHODS + ") in " + call);
        assertTrue(api > park, "the stack should show " + apiMethod + " below the park in " + call);
    }

    private static int indexOf(List<String> stack, List<String> methods) {
        for (int i = 0; i < stack.size(); i++) {
            String frame = stack.get(i);
            if (methods.stream().anyMatch(method -> Frame.isMethod(frame, method))) {
                return i;
            }
        }
        return -1;
    }
}
