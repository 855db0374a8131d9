package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.ServeOnceApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad option prints one clear stderr line naming it and leaves the agent off while the application
 * runs and serves, with nothing reported in any sink; with strict=true the JVM does not start.
 */
class BadOptionsTest {
    @TempDir
    Path workDir;

    /** A bad option: how it is written given the child's report path and a directory that does not exist, and its name. */
    record BadOption(String label, Function<ChildJvm, String> options, String name) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> badOptions() {
        List<BadOption> options = List.of(
                new BadOption("threshold=abc", child -> "json=" + child.reportFile() + ",threshold=abc", "threshold"),
                new BadOption("threads=some", child -> "json=" + child.reportFile() + ",threads=some", "threads"),
                new BadOption("unknown key colour=blue", child -> "json=" + child.reportFile() + ",colour=blue",
                        "colour"),
                new BadOption("json in a missing directory",
                        child -> "json=" + missingDirectory(child).resolve("report.jsonl"), "json"));
        return Jdk.all().stream().flatMap(jdk -> options.stream().map(option -> Arguments.of(jdk, option)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("badOptions")
    void badOptionLeavesTheAgentOffAndTheApplicationRunning(Jdk jdk, BadOption bad) throws IOException {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        ChildJvm.Result result = child.agent(bad.options().apply(child)).run(ServeOnceApp.class).assertExitedNormally();
        assertTrue(result.stdoutLines().contains(ServeOnceApp.STARTED), "the application started\n" + result.describe());
        assertTrue(result.stdout().contains(ServeOnceApp.SERVED), "the application served\n" + result.describe());
        assertOneLineNaming(result, bad.name());
        assertTrue(result.stderrLines().stream().noneMatch(line -> line.matches("blockwatch: (still blocked after )?\\d.*")),
                "a blocking call was reported on stderr although the agent should be off\n" + result.describe());
        assertNoJsonReport(child, result);
    }

    @ParameterizedTest(name = "{0}, strict, {1}")
    @MethodSource("badOptions")
    void strictBadOptionStopsTheJvmBeforeMain(Jdk jdk, BadOption bad) throws IOException {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        ChildJvm.Result result = child.agent("strict=true," + bad.options().apply(child)).run(ServeOnceApp.class);
        assertNotEquals(0, result.exitCode(), "exit code with strict=true\n" + result.describe());
        assertFalse(result.stdout().contains(ServeOnceApp.STARTED), "main ran\n" + result.describe());
        assertTrue(result.stderrLines().stream().anyMatch(line -> line.startsWith("blockwatch: ") && line.contains(bad.name())),
                "a stderr line 'blockwatch: ...' naming " + bad.name() + "\n" + result.describe());
        assertNoJsonReport(child, result);
    }

    private static void assertOneLineNaming(ChildJvm.Result result, String option) {
        List<String> agentLines = result.stderrLines().stream().filter(line -> line.startsWith("blockwatch: ")).toList();
        assertEquals(1, agentLines.size(), "stderr lines from the agent\n" + result.describe());
        assertTrue(agentLines.get(0).contains(option), "the line should name " + option + ": " + agentLines.get(0));
    }

    private static void assertNoJsonReport(ChildJvm child, ChildJvm.Result result) throws IOException {
        Path report = child.reportFile();
        assertTrue(Files.notExists(report) || Files.size(report) == 0,
                "the agent wrote a report although it should be off:\n" + (Files.exists(report)
                        ? Files.readString(report) : "") + "\n" + result.describe());
        assertTrue(Files.notExists(missingDirectory(child)), "the agent created the missing directory");
    }

    private static Path missingDirectory(ChildJvm child) {
        return child.reportFile().resolveSibling("missing");
    }
}
