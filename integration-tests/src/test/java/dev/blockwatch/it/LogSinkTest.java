package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.IsolatedSlf4jApp;
import dev.blockwatch.it.apps.IsolatedSlf4jService;
import dev.blockwatch.it.apps.LogSinkApp;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The log sink: through SLF4J logger {@code blockwatch} at WARN when the application has SLF4J with
 * a provider (slf4j-simple writes {@code [thread] WARN blockwatch - ...} to stderr), also when that
 * SLF4J lives only in a class loader of the application's; straight to stderr when it has none.
 */
class LogSinkTest {
    /** slf4j-simple's default layout: thread in brackets, level, logger name. */
    private static final String SLF4J_SIMPLE_WARN = "\\[[^\\]]+\\] WARN blockwatch - ";

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void applicationWithSlf4jSimpleGetsTheReportOnLoggerBlockwatch(Jdk jdk) {
        ChildJvm.Result child = ChildJvm.on(jdk, workDir).libraries("slf4j-api-", "slf4j-simple-")
                .agent("threshold=50ms")
                .run(LogSinkApp.class, "slf4j")
                .assertExitedNormally();
        assertTrue(child.stderrLines().contains("[main] INFO " + LogSinkApp.class.getName() + " - application started"),
                "the application's own SLF4J line\n" + child.describe());
        assertOneReport(child, SLF4J_SIMPLE_WARN, LogSinkApp.class);
        assertNoReportBypassedSlf4j(child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void applicationWithoutSlf4jGetsTheReportOnStderr(Jdk jdk) {
        ChildJvm.Result child = ChildJvm.on(jdk, workDir)
                .agent("threshold=50ms")
                .run(LogSinkApp.class)
                .assertExitedNormally();
        int line = assertOneReport(child, "", LogSinkApp.class);
        List<String> lines = child.stderrLines();
        assertTrue(line + 1 < lines.size() && lines.get(line + 1).startsWith("\tat "),
                "the report line should be followed by its stack\n" + child.describe());
        boolean siteInStack = lines.subList(line + 1, lines.size()).stream()
                .takeWhile(frame -> frame.startsWith("\tat "))
                .anyMatch(frame -> Frame.is(frame.substring("\tat ".length()), LogSinkApp.class, "readFromPeer"));
        assertTrue(siteInStack, "the logged stack should hold the site\n" + child.describe());
        assertTrue(lines.stream().noneMatch(l -> l.contains(" WARN blockwatch - ")),
                "no SLF4J line without SLF4J\n" + child.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void slf4jInTheApplicationsOwnClassLoaderGetsTheReport(Jdk jdk) {
        ChildJvm.Result child = ChildJvm.on(jdk, workDir)
                .agent("threshold=50ms")
                .run(IsolatedSlf4jApp.class,
                        ChildJvm.libraryJar("slf4j-api-").toString(), ChildJvm.libraryJar("slf4j-simple-").toString())
                .assertExitedNormally();
        assertEquals("false", child.fact("slf4jOnClassPath"), "SLF4J on the application's class path");
        assertEquals("true", child.fact("serviceLoadedInIsolatedLoader"));
        assertTrue(child.stderrLines().contains("[main] INFO " + IsolatedSlf4jService.class.getName()
                + " - service started"), "the service's own SLF4J line\n" + child.describe());
        assertOneReport(child, SLF4J_SIMPLE_WARN, IsolatedSlf4jService.class);
        assertNoReportBypassedSlf4j(child);
    }

    /**
     * Exactly one stderr line reports the slow read, after the given prefix, with the duration,
     * category, operation, peer, thread and site; returns its index.
     */
    private static int assertOneReport(ChildJvm.Result child, String linePrefix, Class<?> siteType) {
        Pattern report = Pattern.compile(linePrefix + "blockwatch: (\\d+(?:\\.\\d+)?) ms "
                + Pattern.quote("socket java.net.Socket.read " + child.fact("peer") + " on selector-loop at ")
                + Frame.pattern(siteType, "readFromPeer"));
        List<String> lines = child.stderrLines();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = report.matcher(lines.get(i));
            if (matcher.matches()) {
                assertEquals(-1, found, "report lines for the read\n" + child.describe());
                found = i;
                double durationMs = Double.parseDouble(matcher.group(1));
                assertTrue(durationMs >= 100 && durationMs <= 1000, "duration in " + lines.get(i));
            }
        }
        assertTrue(found >= 0, "no line matching " + report + "\n" + child.describe());
        return found;
    }

    /** A report line at the start of a stderr line did not go through SLF4J (a message's later lines may start anyhow). */
    private static void assertNoReportBypassedSlf4j(ChildJvm.Result child) {
        assertTrue(child.stderrLines().stream()
                        .noneMatch(line -> line.matches("blockwatch: (still blocked after )?\\d+(\\.\\d+)? ms .*")),
                "a report went to stderr directly although the application has SLF4J\n" + child.describe());
    }
}
