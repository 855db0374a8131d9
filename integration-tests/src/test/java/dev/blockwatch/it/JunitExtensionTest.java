package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.junit.DetectBlockingRunner;
import dev.blockwatch.it.apps.junit.NettyLoopSamples;
import dev.blockwatch.it.apps.junit.RecorderSamples;
import dev.blockwatch.it.apps.junit.ThreadsAllSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @DetectBlocking} and {@code Blockwatch.record()} as a build uses them: the sample tests run
 * through the JUnit Platform's test kit in a child JVM with JaCoCo's agent, once with blockwatch
 * started by the extension itself (self-attach) and once with it given as {@code -javaagent} at a
 * higher threshold than the tests', as Surefire's {@code argLine} would.
 */
class JunitExtensionTest {
    private static final Pattern HEADLINE = Pattern.compile(
            "1\\) (still blocked after )?(\\d+\\.\\d) ms sleep java\\.lang\\.Thread\\.sleep on (sample-loop-\\d+-1) at (.+)");

    @TempDir
    static Path workDir;

    private static final OncePerJdk<Outcomes> SELF_ATTACHED = new OncePerJdk<>("self-attach", jdk ->
            Outcomes.of(withJacoco(ChildJvm.on(jdk, workDir))
                    .run(DetectBlockingRunner.class, NettyLoopSamples.class.getName(), RecorderSamples.class.getName(),
                            ThreadsAllSamples.class.getName())
                    .assertExitedNormally()));

    private static final OncePerJdk<Outcomes> JAVAAGENT = new OncePerJdk<>("javaagent", jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return Outcomes.of(withJacoco(child.agent("threshold=100ms,json=" + child.reportFile()))
                .run(DetectBlockingRunner.class, NettyLoopSamples.class.getName(), ThreadsAllSamples.class.getName())
                .assertExitedNormally());
    });

    private static ChildJvm withJacoco(ChildJvm child) {
        return child.withApi()
                .libraries("junit-", "opentest4j-", "apiguardian-", "assertj-core-", "netty-")
                .jvmFlag("-javaagent:" + ChildJvm.libraryJar("org.jacoco.agent-") + "=destfile=jacoco.exec");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aSleepOnTheLoopFailsItsTestWithTheCallAndTheTestsLine(Jdk jdk) {
        for (Outcomes outcomes : both(jdk)) {
            Outcome test = outcomes.get("sleepsOnTheEventLoop");
            assertEquals("FAILED", test.status(), outcomes.describe());
            assertEquals("blockwatch: 1 blocking call of at least 50 ms on watched threads during this test:",
                    test.message().get(0), outcomes.describe());
            Matcher call = headline(test, outcomes);
            assertTrue(call.group(1) == null, "a call that returned: " + outcomes.describe());
            assertTrue(Double.parseDouble(call.group(2)) >= 150, "duration: " + outcomes.describe());
            assertEquals(NettyLoopSamples.class.getName() + ".lambda$sleepsOnTheEventLoop$0(NettyLoopSamples.java:"
                    + lineOf(NettyLoopSamples.class, "// sleeps on the loop") + ")", siteWithoutLoader(call.group(4)),
                    outcomes.describe());
            assertTrue(Frame.isMethod(stackFrame(test, 0), "java.lang.Thread.sleep"), outcomes.describe());
            assertTrue(test.message().stream().anyMatch(line -> line.equals("\tat " + call.group(4))),
                    "the stack holds the site: " + outcomes.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void theSameSleepOffloadedToAWorkerPasses(Jdk jdk) {
        for (Outcomes outcomes : both(jdk)) {
            assertEquals("SUCCESSFUL", outcomes.get("offloadsTheSleepToAWorker").status(), outcomes.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aSleepLeftRunningFailsItsOwnTestNotTheNext(Jdk jdk) {
        for (Outcomes outcomes : both(jdk)) {
            Outcome test = outcomes.get("leavesASleepRunningOnTheLoop");
            assertEquals("FAILED", test.status(), outcomes.describe());
            Matcher call = headline(test, outcomes);
            assertEquals("still blocked after ", call.group(1), outcomes.describe());
            assertTrue(Frame.is(siteWithoutLoader(call.group(4)), NettyLoopSamples.class, "sleep"), outcomes.describe());
            assertEquals("SUCCESSFUL", outcomes.get("waitsForTheLoopWhileTheNeighboursSleepEnds").status(),
                    "the next test waited for the loop while that sleep ended: " + outcomes.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void callsUnderTheThresholdInAllowedMethodsOrOtherCategoriesPass(Jdk jdk) {
        for (Outcomes outcomes : both(jdk)) {
            assertEquals("SUCCESSFUL", outcomes.get("sleepsUnderTheThreshold").status(), outcomes.describe());
            assertEquals("SUCCESSFUL", outcomes.get("sleepsInAnAllowedMethod").status(), outcomes.describe());
            assertEquals("SUCCESSFUL", outcomes.get("sleepsWhereOnlyFileCallsCount").status(), outcomes.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aTestThresholdBelowTheAgentsCatchesShorterCallsWithoutReportingThem(Jdk jdk) {
        for (Outcomes outcomes : both(jdk)) {
            Outcome test = outcomes.get("sleepsOverALowerThresholdThanTheAgents");
            assertEquals("FAILED", test.status(), outcomes.describe());
            assertEquals("blockwatch: 1 blocking call of at least 5 ms on watched threads during this test:",
                    test.message().get(0), outcomes.describe());
            assertTrue(Double.parseDouble(headline(test, outcomes).group(2)) >= 30, outcomes.describe());
        }
        // the agent's threshold is 100 ms there: its report has the 150 ms sleep, not the 30 ms one
        Outcomes javaagent = JAVAAGENT.get(jdk);
        List<ReportRecord> sleeps = javaagent.child().report().finalCalls().stream()
                .filter(call -> call.string("operation").equals("java.lang.Thread.sleep"))
                .toList();
        assertTrue(sleeps.stream().noneMatch(call -> call.number("durationMs") < 100), javaagent.describe());
        assertTrue(sleeps.stream().anyMatch(call -> call.string("site").contains("lambda$sleepsOnTheEventLoop$")),
                javaagent.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void theExtensionStartsBlockwatchOnlyWhenItIsNotThereAndJacocoStillWritesCoverage(Jdk jdk) {
        Outcomes selfAttached = SELF_ATTACHED.get(jdk);
        // started with the defaults by the first test, then with threads=all by ThreadsAllSamples
        assertTrue(selfAttached.status().startsWith("active: threshold=20ms, threads=all"), selfAttached.describe());
        Outcomes javaagent = JAVAAGENT.get(jdk);
        assertTrue(javaagent.status().startsWith("active: threshold=100ms"), javaagent.describe());
        for (Outcomes outcomes : both(jdk)) {
            assertEquals(9 + (outcomes == selfAttached ? 1 : 0), outcomes.tests.size(), outcomes.describe());
            assertTrue(sizeOf(outcomes.child().directory().resolve("jacoco.exec")) > 0,
                    "JaCoCo wrote its coverage: " + outcomes.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadsAllIsTakenUpByBlockwatchTheExtensionStartedAndRefusedByOneGivenOtherOptions(Jdk jdk) {
        Outcomes selfAttached = SELF_ATTACHED.get(jdk);
        Outcome test = selfAttached.get("sleepsOnTheTestsOwnThread");
        assertEquals("FAILED", test.status(), selfAttached.describe());
        assertTrue(test.message().get(1).matches("1\\) \\d+\\.\\d ms sleep java\\.lang\\.Thread\\.sleep on main at "
                + "(?:[^/\\s(]*/){0,2}" + Pattern.quote(ThreadsAllSamples.class.getName() + ".sleepsOnTheTestsOwnThread("
                + "ThreadsAllSamples.java:" + lineOf(ThreadsAllSamples.class, "// sleeps on the test thread") + ")")),
                selfAttached.describe());

        Outcomes javaagent = JAVAAGENT.get(jdk);
        Outcome refused = javaagent.get("sleepsOnTheTestsOwnThread");
        assertEquals("FAILED", refused.status(), javaagent.describe());
        assertEquals("@DetectBlocking(threads = \"all\") on " + ThreadsAllSamples.class.getName()
                + ".sleepsOnTheTestsOwnThread needs blockwatch watching threads=all, but it runs in this JVM with"
                + " threads=event-loop (from -javaagent or blockwatch.threads); give the agent threads=all, or run"
                + " these tests in a JVM of their own", refused.message().get(0), javaagent.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aRecordingHoldsOnlyTheCallsMadeWhileItWasOpen(Jdk jdk) {
        Outcomes outcomes = SELF_ATTACHED.get(jdk);
        assertEquals("SUCCESSFUL", outcomes.get("recordsTheCallsMadeWhileOpen").status(), outcomes.describe());
        List<String> recorded = outcomes.child().stdoutLines().stream()
                .filter(line -> line.startsWith("recorded call="))
                .toList();
        assertEquals(1, recorded.size(), outcomes.describe());
        String[] fields = recorded.get(0).substring("recorded call=".length()).split("\\|");
        assertEquals("sleep", fields[0]);
        assertEquals("java.lang.Thread.sleep", fields[1]);
        assertTrue(fields[2].matches("recorded-loop-\\d+-1"), fields[2]);
        assertTrue(Double.parseDouble(fields[3]) >= 150, fields[3]);
        assertEquals("false", fields[4]);
        assertEquals(RecorderSamples.class.getName() + ".lambda$recordsTheCallsMadeWhileOpen$1(RecorderSamples.java:"
                + lineOf(RecorderSamples.class, "// recorded sleep") + ")", siteWithoutLoader(fields[5]));
    }

    private static List<Outcomes> both(Jdk jdk) {
        return List.of(SELF_ATTACHED.get(jdk), JAVAAGENT.get(jdk));
    }

    private static Matcher headline(Outcome test, Outcomes outcomes) {
        Matcher call = HEADLINE.matcher(test.message().get(1));
        assertTrue(call.matches(), "the call's line: " + outcomes.describe());
        return call;
    }

    /** The n-th stack frame listed under the first call of a failure message. */
    private static String stackFrame(Outcome test, int n) {
        return test.message().stream().filter(line -> line.startsWith("\tat ")).skip(n).findFirst()
                .map(line -> line.substring("\tat ".length())).orElse(null);
    }

    private static String siteWithoutLoader(String site) {
        return site.replaceFirst("^(?:[^/\\s(]*/){1,2}", "");
    }

    /** The line of a sample's source that holds a marker comment, as its stack frames number it. */
    private static int lineOf(Class<?> sample, String marker) {
        Path source = Path.of("src/test/java", sample.getName().replace('.', '/') + ".java");
        try {
            List<String> lines = Files.readAllLines(source);
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    found.add(i + 1);
                }
            }
            assertEquals(1, found.size(), "lines of " + source + " marked " + marker);
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Outcome(String status, List<String> message) {
    }

    /** What the runner printed: each test's status and failure message, and blockwatch's status. */
    record Outcomes(ChildJvm.Result child, Map<String, Outcome> tests, String status) {
        static Outcomes of(ChildJvm.Result child) {
            Map<String, Outcome> tests = new LinkedHashMap<>();
            String name = null;
            String status = null;
            List<String> message = new ArrayList<>();
            for (String line : child.stdoutLines()) {
                if (line.startsWith("test ")) {
                    String[] parts = line.split(" ");
                    name = parts[1];
                    status = parts[2];
                    message = new ArrayList<>();
                } else if (line.startsWith("| ") && name != null) {
                    message.add(line.substring(2));
                } else if (line.equals("end") && name != null) {
                    tests.put(name, new Outcome(status, message));
                    name = null;
                }
            }
            return new Outcomes(child, tests, child.fact("blockwatch-status"));
        }

        Outcome get(String test) {
            Outcome outcome = tests.get(test);
            assertTrue(outcome != null, "no outcome of " + test + ": " + describe());
            return outcome;
        }

        String describe() {
            return child.describe();
        }
    }
}
