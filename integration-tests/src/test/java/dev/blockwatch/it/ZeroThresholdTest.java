package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.ZeroThresholdScenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At threshold 0 every timed call on a watched thread is reported, so what is not reported is
 * known not to be timed: a non-blocking SocketChannel read and write, and the loop's own selects.
 * The same child makes 1,000 slow calls from one site within {@code repeat}: the log (stderr, as the
 * child has no SLF4J) shows that site's stack once, JSON receives every call, the summary counts 1,000.
 */
class ZeroThresholdTest {
    private static final String LOOP = "selector-loop";
    private static final String SITE = "readZeroRepeatedly";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.agent("threshold=0ms,log=true,repeat=10s,json=" + child.reportFile())
                .run(ZeroThresholdScenarios.class)
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void nonBlockingChannelCallsAndTheLoopsSelectsAreNotReported(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals("0,1", child.fact("nonBlocking.value"), "non-blocking read and write results");
        assertEquals("1", child.fact("received"), "bytes the peer received from the non-blocking write");
        Report report = child.report();
        List<ReportRecord> others = report.blockingCalls().stream()
                .filter(r -> !r.siteIs(ZeroThresholdScenarios.class, SITE))
                .toList();
        assertEquals(List.of(), others, "records other than the repeated /dev/zero reads");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void jsonReceivesEveryRepeatedCallAndTheSummaryCountsThem(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        int calls = ZeroThresholdScenarios.REPEATED_READS;
        assertEquals(String.valueOf(calls), child.fact("repeated.value"), "zero bytes read");
        assertEquals(LOOP, child.fact("repeated.thread"));
        Report report = child.report();
        ExpectedCall expected = new ExpectedCall("file", "java.io.FileInputStream.read", "/dev/zero", LOOP,
                Long.parseLong(child.fact("repeated.threadId")), ZeroThresholdScenarios.class, SITE, 0, 1000, 0);
        List<ReportRecord> finals = report.finalCallsAt(ZeroThresholdScenarios.class, SITE);
        Set<Long> callIds = new HashSet<>();
        for (ReportRecord call : finals) {
            expected.assertMatches(call, child);
            assertTrue(callIds.add(call.integer("callId")), "callId repeated in " + call);
        }
        ReportRecord summary = report.summary();
        long dropped = summary.integer("dropped");
        assertEquals(calls, finals.size() + dropped,
                "final records written (" + finals.size() + ") plus dropped (" + dropped + ")");
        ReportRecord site = onlySummarySite(summary);
        assertEquals(calls, site.integer("count"), "count in " + site);
        assertEquals("file", site.string("category"), "category in " + site);
        assertEquals("java.io.FileInputStream.read", site.string("operation"), "operation in " + site);
        double p50 = site.number("p50Ms");
        double p99 = site.number("p99Ms");
        double max = site.number("maxMs");
        double total = site.number("totalMs");
        assertTrue(0 <= p50 && p50 <= p99 && p99 <= max && max <= total,
                "0 <= p50Ms <= p99Ms <= maxMs <= totalMs in " + site);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void logShowsTheRepeatedSitesStackOnce(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        Pattern header = Pattern.compile("blockwatch: \\d+(\\.\\d+)? ms file java\\.io\\.FileInputStream\\.read"
                + " /dev/zero on " + LOOP + " at " + Frame.pattern(ZeroThresholdScenarios.class, SITE));
        List<String> lines = child.stderrLines();
        int headers = 0;
        List<List<String>> stacks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!header.matcher(lines.get(i)).matches()) {
                continue;
            }
            headers++;
            List<String> stack = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("\tat "); j++) {
                stack.add(lines.get(j).substring("\tat ".length()));
            }
            if (!stack.isEmpty()) {
                stacks.add(stack);
            }
        }
        assertTrue(headers >= 1, "no log line for the repeated site on stderr\n" + child.describe());
        assertEquals(1, stacks.size(), "stacks logged for the repeated site (" + headers + " lines for it)\n"
                + child.describe());
        List<String> jsonStack = child.report().finalCallsAt(ZeroThresholdScenarios.class, SITE).get(0)
                .strings("stack");
        assertEquals(jsonStack, stacks.get(0), "the logged stack, against the stack in the JSON record");
    }

    private static ReportRecord onlySummarySite(ReportRecord summary) {
        List<ReportRecord> sites = summary.objects("sites").stream()
                .filter(site -> site.siteIs(ZeroThresholdScenarios.class, SITE))
                .toList();
        assertEquals(1, sites.size(), "summary entries for the repeated site in " + summary);
        return sites.get(0);
    }
}
