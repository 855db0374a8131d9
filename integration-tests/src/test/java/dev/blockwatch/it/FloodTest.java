package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.FloodApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A flood under a small heap: at threshold 0, four watched threads make 250,000 reads each in a JVM
 * with -Xmx64m. The bounded queue must drop rather than grow: no OutOfMemoryError, the summary still
 * counts all 1,000,000 calls, and the final records written plus {@code dropped} make 1,000,000.
 * The report (up to a few hundred MB) is streamed, never held, and deleted with the test's directory.
 */
class FloodTest {
    private static final long CALLS = (long) FloodApp.THREADS * FloodApp.READS_PER_THREAD;

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void floodOfReportsIsBoundedAndFullyCounted(Jdk jdk) {
        ChildJvm child = ChildJvm.on(jdk, workDir).withApi().jvmFlag("-Xmx64m").timeout(Duration.ofMinutes(3));
        ChildJvm.Result result = child.agent("threshold=0ms,log=false,stack-depth=2,json=" + child.reportFile())
                .run(FloodApp.class);
        assertFalse(result.stderr().contains("OutOfMemoryError"), "OutOfMemoryError in the child\n" + result.describe());
        result.assertExitedNormally();
        assertEquals(String.valueOf(CALLS), result.fact("reads"), "reads the application made");

        long[] finalAtSite = new long[1];
        List<ReportRecord> otherCalls = new ArrayList<>();
        ReportRecord[] last = new ReportRecord[1];
        Report.stream(result.reportFile(), record -> {
            if (record.isFinalCall() && record.siteIs(FloodApp.class, "floodReads")) {
                finalAtSite[0]++;
            } else if (record.isBlockingCall() && !record.siteIs(FloodApp.class, "floodReads")
                    && otherCalls.size() < 10) {
                otherCalls.add(record);
            }
            last[0] = record;
        });
        assertEquals(List.of(), otherCalls, "records of calls other than the flood's");
        ReportRecord summary = last[0];
        assertEquals("summary", summary.event(), "the last record of the report");
        long dropped = summary.integer("dropped");
        assertEquals(CALLS, finalAtSite[0] + dropped,
                "final records written (" + finalAtSite[0] + ") plus dropped (" + dropped + ")");
        long counted = summary.objects("sites").stream()
                .filter(site -> site.siteIs(FloodApp.class, "floodReads"))
                .mapToLong(site -> site.integer("count"))
                .sum();
        assertEquals(CALLS, counted, "calls the summary counts at the flood's site in " + summary);
        assertTrue(summary.objects("sites").stream().allMatch(site -> site.siteIs(FloodApp.class, "floodReads")),
                "summary sites other than the flood's in " + summary);
    }
}
