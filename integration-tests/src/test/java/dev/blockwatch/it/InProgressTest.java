package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.Fifo;
import dev.blockwatch.it.apps.StuckCallScenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A call blocked for 5 s at threshold 50 ms is reported while it is still blocked: one
 * {@code inProgress: true} record taken within threshold + 500 ms of the call's start, whose stack
 * is the blocked thread's, then the final record of the same call when it returns.
 */
class InProgressTest {
    private static final String LOOP = "selector-loop";
    private static final String SITE = "readStuckFifo";
    private static final double THRESHOLD_MS = 50;
    /** DESIGN.md: the in-progress record comes within threshold + 500 ms of the call's start. */
    private static final double LATEST_IN_PROGRESS_MS = THRESHOLD_MS + 500;
    private static final String FILE_READ = "java.io.FileInputStream.read";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.agent("threshold=50ms,json=" + child.reportFile())
                .run(StuckCallScenarios.class)
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void stuckCallIsReportedOnceWhileBlockedWithTheBlockedThreadsStack(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals(String.valueOf(Fifo.ANSWER.length), child.fact(SITE + ".value"), "bytes read");
        assertEquals(LOOP, child.fact(SITE + ".thread"));
        Report report = child.report();
        List<ReportRecord> inProgress = report.inProgressCallsAt(StuckCallScenarios.class, SITE);
        assertEquals(1, inProgress.size(), "in-progress records of the stuck read:\n" + report);
        ReportRecord early = inProgress.get(0);
        String in = " in " + early;
        assertEquals("file", early.string("category"), "category" + in);
        assertEquals(FILE_READ, early.string("operation"), "operation" + in);
        assertEquals(child.fact(SITE + ".path"), early.nullableString("detail"), "detail" + in);
        assertEquals(LOOP, early.string("thread"), "thread" + in);
        assertEquals(Long.parseLong(child.fact(SITE + ".threadId")), early.integer("threadId"), "threadId" + in);
        assertEquals(THRESHOLD_MS, early.number("thresholdMs"), 1e-9, "thresholdMs" + in);
        double durationMs = early.number("durationMs");
        assertTrue(durationMs >= THRESHOLD_MS && durationMs <= LATEST_IN_PROGRESS_MS,
                "durationMs, how long the call had been blocked when it was reported, should be within ["
                        + THRESHOLD_MS + ", " + LATEST_IN_PROGRESS_MS + "]" + in);
        assertBlockedThreadsStack(early);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void stuckCallGetsItsFinalRecordWhenItReturns(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        Report report = child.report();
        // Also checks that the in-progress record, if any, shares the final record's callId, time and thread.
        ReportRecord call = report.onlyFinalCallAt(StuckCallScenarios.class, SITE);
        // the figure: a call blocked for (at least) 5 s
        double stuckMs = 5000;
        new ExpectedCall("file", FILE_READ, child.fact(SITE + ".path"), LOOP,
                Long.parseLong(child.fact(SITE + ".threadId")), StuckCallScenarios.class, SITE,
                stuckMs, stuckMs + 5000, THRESHOLD_MS)
                .assertMatches(call, child);
        List<ReportRecord> records = report.blockingCallsAt(StuckCallScenarios.class, SITE);
        assertEquals(2, records.size(), "records of the stuck read, in-progress and final:\n" + report);
        assertTrue(records.get(0).bool("inProgress") && records.get(1) == call,
                "the in-progress record should be written before the final one:\n" + report);
    }

    /**
     * The stack is the one the thread had while blocked: it starts in the native read the thread
     * was blocked in, and goes through the application's read to the site.
     */
    private static void assertBlockedThreadsStack(ReportRecord early) {
        List<String> stack = early.strings("stack");
        int siteIndex = -1;
        for (int i = 0; i < stack.size() && siteIndex < 0; i++) {
            if (Frame.is(stack.get(i), StuckCallScenarios.class, SITE)) {
                siteIndex = i;
            }
        }
        assertTrue(siteIndex > 0, "the stack should hold the site below the blocked frames in " + early);
        assertEquals(stack.get(siteIndex), early.string("site"), "site, against the stack's frame of it, in " + early);
        assertTrue(Frame.isMethod(stack.get(0), "java.io.FileInputStream.readBytes"),
                "the first frame should be the native read the thread is blocked in, in " + early);
        assertTrue(stack.subList(0, siteIndex).stream().anyMatch(frame -> Frame.isMethod(frame, FILE_READ)),
                "the frames above the site should hold " + FILE_READ + " in " + early);
    }
}
