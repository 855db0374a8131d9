package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.Fifo;
import dev.blockwatch.it.apps.SelectorLoopScenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hand-written NIO selector loop, found with no configuration, reading FIFOs whose writer answers
 * after 150 ms, at threshold 50 ms; the same read on a plain thread; fast calls on the loop. One
 * child JVM per JDK runs all of {@link SelectorLoopScenarios}.
 */
class SelectorLoopTest {
    private static final String LOOP = "selector-loop";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.agent("threshold=50ms,json=" + child.reportFile())
                .run(SelectorLoopScenarios.class)
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void agentStartRecordComesFirst(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        ReportRecord start = child.report().agentStart();
        assertTrue(!start.string("version").isBlank(), "version in " + start);
        String javaVersion = Jdk.javaVersion(jdk.home()).orElseThrow();
        assertTrue(start.string("jdk").contains(javaVersion), "jdk should name " + javaVersion + " in " + start);
        assertEquals(child.pid(), start.integer("pid"), "pid in " + start);
        ReportRecord options = start.object("options");
        options.string("threshold");
        assertEquals(child.reportFile().toString(), options.string("json"), "options.json in " + start);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void slowFifoReadOnSelectorLoopIsReportedOnce(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals(String.valueOf(Fifo.ANSWER.length), child.fact("readFifo.value"), "bytes read");
        ReportRecord call = child.report().onlyFinalCallAt(SelectorLoopScenarios.class, "readFifo");
        expectedFileCall(child, "readFifo", "java.io.FileInputStream.read").assertMatches(call, child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesReadAllBytesIsReportedOnceAsTheOutermostCall(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals(String.valueOf(Fifo.ANSWER.length), child.fact("readAllBytesOfFifo.value"), "bytes read");
        ReportRecord call = child.report().onlyFinalCallAt(SelectorLoopScenarios.class, "readAllBytesOfFifo");
        expectedFileCall(child, "readAllBytesOfFifo", "java.nio.file.Files.readAllBytes").assertMatches(call, child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void slowFifoReadOnPlainThreadIsNotReported(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals("plain-reader", child.fact("readFifoOnPlainThread.thread"));
        assertEquals(String.valueOf(Fifo.ANSWER.length), child.fact("readFifoOnPlainThread.value"), "bytes read");
        Report report = child.report();
        List<ReportRecord> onPlainThread = report.blockingCalls().stream()
                .filter(r -> r.string("thread").equals("plain-reader"))
                .toList();
        assertEquals(List.of(), onPlainThread, "records of the unwatched thread");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void callsFasterThanTheThresholdAreNotReported(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals(LOOP, child.fact("fastReads.thread"));
        assertEquals(String.valueOf(SelectorLoopScenarios.FAST_READS + 1), child.fact("fastReads.value"),
                "bytes read from the file, plus one for the socket's answer");
        Report report = child.report();
        // The loop made exactly two slow calls: the FIFO reads; the 1,000 file reads and the socket call were fast.
        List<String> loopSites = report.blockingCalls().stream()
                .filter(r -> r.string("thread").equals(LOOP))
                .map(r -> r.string("site"))
                .filter(site -> !Frame.is(site, SelectorLoopScenarios.class, "readFifo")
                        && !Frame.is(site, SelectorLoopScenarios.class, "readAllBytesOfFifo"))
                .toList();
        assertEquals(List.of(), loopSites, "sites of other calls reported on the loop:\n" + report);
    }

    private static ExpectedCall expectedFileCall(ChildJvm.Result child, String scenario, String operation) {
        assertEquals(LOOP, child.fact(scenario + ".thread"));
        return new ExpectedCall("file", operation, child.fact(scenario + ".path"),
                LOOP, Long.parseLong(child.fact(scenario + ".threadId")),
                SelectorLoopScenarios.class, scenario, 100, 1000, 50);
    }
}
