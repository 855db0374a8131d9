package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.it.apps.Fifo;
import dev.blockwatch.it.apps.FamilyMixHandler;
import dev.blockwatch.it.apps.FamilyMixScenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code categories} and {@code allow} work across every family. A handler makes the same four
 * calls of about 150 ms (a file read, a sleep, a latch wait, a child process) from two methods, on
 * a selector loop at threshold 50 ms; {@code allow} names the second method. With
 * {@code categories=file} only the first method's file read is reported; with
 * {@code categories=sleep+wait+process} only its other three calls are. Between them, each family
 * is shown both reported and filtered out, and silenced by {@code allow} in the allowed method only.
 */
class CategoriesAndAllowAcrossFamiliesTest {
    private static final String LOOP = "selector-loop";
    private static final String ALLOWED = FamilyMixHandler.class.getName() + "#handleAllowed";
    private static final String FILE_READ = "java.io.FileInputStream.read";
    private static final String SLEEP = "java.lang.Thread.sleep";
    private static final String LATCH_AWAIT = "java.util.concurrent.CountDownLatch.await";
    private static final String WAIT_FOR = "java.lang.Process.waitFor";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> FILE_ONLY = runWith("file");
    private static final OncePerJdk<ChildJvm.Result> ALL_BUT_FILE = runWith("sleep+wait+process");

    private static OncePerJdk<ChildJvm.Result> runWith(String categories) {
        return new OncePerJdk<>("categories=" + categories, jdk -> {
            ChildJvm child = ChildJvm.on(jdk, workDir);
            return child.agent("threshold=50ms,categories=" + categories + ",allow=" + ALLOWED
                            + ",log=false,json=" + child.reportFile())
                    .run(FamilyMixScenarios.class)
                    .assertExitedNormally();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void categoriesFileReportsTheFileReadAndNotTheSleepWaitOrProcess(Jdk jdk) {
        ChildJvm.Result child = FILE_ONLY.get(jdk);
        assertHandlerRan(child);
        Report report = child.report();
        assertEquals(Map.of("file", 1L), categoriesOf(report.finalCalls()),
                "final records by category with categories=file:\n" + report);
        ReportRecord read = report.onlyFinalCallAt(FamilyMixHandler.class, "handle");
        new ExpectedCall("file", FILE_READ, child.fact("handle.path"), LOOP,
                Long.parseLong(child.fact("handle.threadId")), FamilyMixHandler.class, "handle", 100, 1000, 50)
                .assertMatches(read, child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void otherCategoriesReportTheSleepWaitAndProcessButNotTheFileRead(Jdk jdk) {
        ChildJvm.Result child = ALL_BUT_FILE.get(jdk);
        assertHandlerRan(child);
        Report report = child.report();
        List<ReportRecord> calls = report.finalCallsAt(FamilyMixHandler.class, "handle");
        assertEquals(List.of("sleep " + SLEEP, "wait " + LATCH_AWAIT, "process " + WAIT_FOR),
                calls.stream().map(call -> call.string("category") + " " + call.string("operation")).toList(),
                "final records of the handler's calls, in their order, with categories=sleep+wait+process:\n"
                        + report);
        assertEquals(List.of(), report.blockingCalls().stream()
                        .filter(call -> call.string("category").equals("file")).toList(),
                "file records with categories=sleep+wait+process");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void allowSilencesTheAllowedMethodsFileReadAndNothingElse(Jdk jdk) {
        assertOnlyTheAllowedMethodIsSilenced(FILE_ONLY.get(jdk), 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void allowSilencesTheAllowedMethodsSleepWaitAndProcessAndNothingElse(Jdk jdk) {
        assertOnlyTheAllowedMethodIsSilenced(ALL_BUT_FILE.get(jdk), 3);
    }

    /**
     * No record and no summary count for the allowed method's calls, while the same calls in the
     * method next to it are all reported and counted: as many as the child's categories let through.
     */
    private static void assertOnlyTheAllowedMethodIsSilenced(ChildJvm.Result child, int reportedInHandle) {
        assertHandlerRan(child);
        Report report = child.report();
        assertEquals(ALLOWED, report.agentStart().object("options").string("allow"), "options.allow");
        assertEquals(List.of(), report.blockingCallsAt(FamilyMixHandler.class, "handleAllowed"),
                "records of the allowed method's calls");
        ReportRecord summary = report.summary();
        assertEquals(0, summary.summaryCountAt(FamilyMixHandler.class, "handleAllowed"),
                "calls the summary counts in the allowed method: " + summary);
        assertEquals(reportedInHandle, report.finalCallsAt(FamilyMixHandler.class, "handle").size(),
                "final records of the calls of the handle method, which is not allowed:\n" + report);
        assertEquals(reportedInHandle, summary.summaryCountAt(FamilyMixHandler.class, "handle"),
                "calls the summary counts in the handle method: " + summary);
    }

    /** Both methods ran on the loop and made all their calls (the FIFO's answer read, the child process exited 0). */
    private static void assertHandlerRan(ChildJvm.Result child) {
        for (String method : List.of("handle", "handleAllowed")) {
            assertEquals(String.valueOf(Fifo.ANSWER.length), child.fact(method + ".value"), "result of " + method);
            assertEquals(LOOP, child.fact(method + ".thread"), "thread of " + method);
        }
    }

    private static Map<String, Long> categoriesOf(List<ReportRecord> calls) {
        return calls.stream().collect(Collectors.groupingBy(call -> call.string("category"), Collectors.counting()));
    }
}
