package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.CheapCallsScenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Detection survives the JIT: at threshold 0, {@value CheapCallsScenarios#CALLS} cheap calls from
 * one site, for each cheap call of every family, are all counted in the summary, also once the JIT
 * has compiled the loop and the JDK methods it calls (advice on a method the JIT replaces by an
 * intrinsic would be skipped from then on). The summary counts every reported call, written or
 * dropped; in-progress records, which threshold 0 may bring, are not counted. The report, hundreds
 * of MB, is streamed once for its last record and then deleted.
 */
class JitSurvivalTest {
    private static final int CALLS = CheapCallsScenarios.CALLS;

    @TempDir
    static Path workDir;

    /** What the tests need of a child: its output, and the summary its report ends with. */
    private record RunWithSummary(ChildJvm.Result child, ReportRecord summary) {
    }

    private static final OncePerJdk<RunWithSummary> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir).timeout(Duration.ofMinutes(3));
        Path hosts = child.reportFile().resolveSibling("hosts");
        try {
            Files.writeString(hosts, "127.0.0.14 " + CheapCallsScenarios.HOST_NAME + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildJvm.Result result = child.jvmFlag("-Djdk.net.hosts.file=" + hosts)
                .jvmFlag("-Dsun.net.inetaddr.ttl=0") // no lookup cache: every lookup is a real one
                .agent("threshold=0ms,log=false,stack-depth=1,thread-names=" + CheapCallsScenarios.THREAD
                        + ",json=" + child.reportFile())
                .run(CheapCallsScenarios.class)
                .assertExitedNormally();
        ReportRecord[] last = new ReportRecord[1];
        Report.stream(result.reportFile(), record -> last[0] = record);
        try {
            Files.delete(result.reportFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals("summary", last[0].event(), "the last record of the report: " + last[0]);
        return new RunWithSummary(result, last[0]);
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyOneByteFileStreamReadIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "readFileStreamByte", "file", "java.io.FileInputStream.read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyOneByteFileChannelReadIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "readFileChannelByte", "file", "java.nio.channels.FileChannel.read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everySocketReadWithDataWaitingIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "readSocketByte", "socket", "java.net.Socket.read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyBlockingSocketChannelReadIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "readSocketChannelByte", "socket",
                "java.nio.channels.SocketChannel.read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyDatagramSendIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "sendDatagram", "socket", "java.nio.channels.DatagramChannel.send");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyZeroSleepIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "sleepZero", "sleep", "java.lang.Thread.sleep");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyParkIsCounted(Jdk jdk) {
        // DESIGN.md names a bare park "LockSupport.park"; the timed variant may keep its own name.
        assertEveryCallCounted(RUN.get(jdk), "parkBriefly", "wait", "java.util.concurrent.locks.LockSupport.park",
                "java.util.concurrent.locks.LockSupport.parkNanos");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyWaitForAFinishedProcessIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "waitForFinishedProcess", "process", "java.lang.Process.waitFor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyHostsFileLookupIsCounted(Jdk jdk) {
        assertEveryCallCounted(RUN.get(jdk), "lookUpName", "dns", "java.net.InetAddress.getByName");
    }

    /**
     * The scenario made all its calls, and the summary counts exactly that many at its site, all of
     * the family's category and one of the given operations: no call was missed, none counted twice.
     */
    private static void assertEveryCallCounted(RunWithSummary run, String scenario, String category, String... operations) {
        assertEquals(String.valueOf(CALLS), run.child.fact(scenario + ".value"),
                "calls of " + scenario + " that worked");
        assertEquals(CheapCallsScenarios.THREAD, run.child.fact(scenario + ".thread"), "thread of " + scenario);
        List<ReportRecord> sites = run.summary.objects("sites").stream()
                .filter(site -> site.siteIs(CheapCallsScenarios.class, scenario))
                .toList();
        assertEquals(CALLS, run.summary.summaryCountAt(CheapCallsScenarios.class, scenario),
                "calls the summary counts at " + scenario + ", in its entries " + sites.stream()
                        .map(site -> site.string("category") + " " + site.string("operation") + " count "
                                + site.integer("count"))
                        .toList());
        for (ReportRecord site : sites) {
            assertEquals(category, site.string("category"), "category in " + site);
            assertTrue(List.of(operations).contains(site.string("operation")),
                    "operation in " + site + " should be one of " + List.of(operations));
        }
    }
}
