package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.cli.JsonParser;
import dev.blockwatch.it.apps.JfrScenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jfr=true}: each call reported when it returned is one {@code blockwatch.BlockingCall} event in a
 * JDK Flight Recorder recording, with the JSON Lines record's fields, committed on the call's own
 * thread so that JFR's event thread and stack trace are the call's; a call reported while still
 * blocked has no event of its own. Recordings are read back with the JDK's {@code jfr print --json}.
 * One child JVM per JDK records with {@code jfr=true}, one with the default {@code jfr=false}; one
 * more, on the first JDK only, runs without the {@code jdk.jfr} module.
 */
class JfrEventsTest {
    private static final String LOOP = "selector-loop";
    private static final String EVENT = "blockwatch.BlockingCall";
    private static final double THRESHOLD_MS = 50;
    private static final String AGENT_OPTIONS = "threshold=50ms,log=false,json=";
    /** A site, {@code type.method(File.java:line)} with perhaps a loader or module prefix: type, method, line. */
    private static final Pattern SITE =
            Pattern.compile("(?:[^/\\s(]*/){0,2}([\\w.$]+)\\.([\\w$<>]+)\\([^:)]+:(\\d+)\\)");

    @TempDir
    static Path workDir;

    private static final OncePerJdk<Recorded> WITH_JFR = new OncePerJdk<>("jfr=true", jdk -> record(jdk, true));
    private static final OncePerJdk<Recorded> WITHOUT_JFR = new OncePerJdk<>("jfr=false", jdk -> record(jdk, false));

    /**
     * A child that ran {@link JfrScenarios} under a recording, and the values of the recording's
     * blockwatch events (the fields, JFR's eventThread and stackTrace among them).
     */
    private record Recorded(ChildJvm.Result child, List<ReportRecord> events) {
        ReportRecord onlyEventOf(long callId) {
            List<ReportRecord> matching = events.stream().filter(event -> event.integer("callId") == callId).toList();
            assertEquals(1, matching.size(), EVENT + " events with callId " + callId + " among\n" + events);
            return matching.get(0);
        }
    }

    private static Recorded record(Jdk jdk, boolean jfr) {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        Path recording = child.directory().resolve("rec.jfr");
        ChildJvm.Result result = child
                .jvmFlag("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true")
                .agent((jfr ? "jfr=true," : "") + AGENT_OPTIONS + child.reportFile())
                .run(JfrScenarios.class)
                .assertExitedNormally();
        return new Recorded(result, blockwatchEvents(jdk, recording));
    }

    /** The values of the recording's blockwatch events, as {@code jfr print --json} writes them. */
    @SuppressWarnings("unchecked")
    private static List<ReportRecord> blockwatchEvents(Jdk jdk, Path recording) {
        String printed;
        try {
            Path dir = Files.createTempDirectory(recording.getParent(), "jfr-print-");
            jdk.runTool(dir, "jfr", "print", "--json", "--events", EVENT, recording.toString());
            printed = Files.readString(dir.resolve("jfr-output.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> root = JsonParser.parseObject(printed);
        List<Map<String, Object>> events =
                (List<Map<String, Object>>) ((Map<String, Object>) root.get("recording")).get("events");
        return events.stream().map(event -> {
            assertEquals(EVENT, event.get("type"), "type of an event printed by jfr print --events " + EVENT);
            Map<String, Object> values = (Map<String, Object>) event.get("values");
            return new ReportRecord(values, describe(values) + " in " + recording);
        }).toList();
    }

    /** An event for failure messages: its fields, without JFR's thread and stack trace, which are long. */
    private static String describe(Map<String, Object> values) {
        Map<String, Object> fields = new LinkedHashMap<>(values);
        fields.remove("eventThread");
        fields.remove("stackTrace");
        return EVENT + " " + fields;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void eachFinalReportIsOneEventWithTheReportsFields(Jdk jdk) {
        Recorded run = WITH_JFR.get(jdk);
        List<ReportRecord> finals = run.child().report().finalCalls();
        assertTrue(finals.size() >= 2, "final records of the two scenarios' calls:\n" + run.child().report());
        assertEquals(finals.size(), run.events().size(), "one " + EVENT + " event per final record; events:\n"
                + run.events() + "\nrecords:\n" + run.child().report());
        for (ReportRecord call : finals) {
            ReportRecord event = run.onlyEventOf(call.integer("callId"));
            String in = " of " + event + "\nfor " + call;
            assertEquals(call.string("category"), event.string("category"), "category" + in);
            assertEquals(call.string("operation"), event.string("operation"), "operation" + in);
            assertEquals(call.nullableString("detail"), event.nullableString("detail"), "detail" + in);
            assertEquals(call.string("site"), event.string("site"), "site" + in);
            assertEquals(Instant.parse(call.string("time")), Instant.parse(event.string("callStart")),
                    "callStart" + in);
            assertEquals(call.number("durationMs"), millis(event.string("callDuration")), 0.001, "callDuration" + in);
            assertEquals(THRESHOLD_MS, millis(event.string("threshold")), 1e-9, "threshold" + in);
        }
        assertEquals(List.of(), run.child().stderrLines().stream().filter(line -> line.contains("jfr")).toList(),
                "lines about JFR on stderr");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void theSleepAndTheProcessWaitCarryTheirCategoryOperationDetailAndDuration(Jdk jdk) {
        Recorded run = WITH_JFR.get(jdk);
        Report report = run.child().report();
        ReportRecord sleep = run.onlyEventOf(
                report.onlyFinalCallAt(JfrScenarios.class, "sleepPastTheThreshold").integer("callId"));
        assertEquals("sleep", sleep.string("category"), "category of " + sleep);
        assertEquals("java.lang.Thread.sleep", sleep.string("operation"), "operation of " + sleep);
        assertNull(sleep.nullableString("detail"), "detail of " + sleep);
        assertTrue(millis(sleep.string("callDuration")) >= JfrScenarios.LONG_SLEEP.toMillis(),
                "callDuration at least the " + JfrScenarios.LONG_SLEEP.toMillis() + " ms slept in " + sleep);

        List<ReportRecord> waits = report.finalCallsAt(JfrScenarios.class, "waitForChildProcess").stream()
                .filter(call -> call.string("operation").equals("java.lang.Process.waitFor"))
                .toList();
        assertEquals(1, waits.size(), "final Process.waitFor records:\n" + report);
        ReportRecord wait = run.onlyEventOf(waits.get(0).integer("callId"));
        assertEquals("process", wait.string("category"), "category of " + wait);
        assertEquals("sleep +1 args", wait.string("detail"), "detail (redacted command) of " + wait);
        assertTrue(millis(wait.string("callDuration")) >= THRESHOLD_MS,
                "callDuration at least the threshold in " + wait);
    }

    /**
     * JFR's event thread is the watched loop, and its stack trace holds the site's frame, with its line;
     * above the site sit blockwatch's own frames (the topmost) and the JDK's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void eventsAreOnTheCallsThreadWithTheCallsStack(Jdk jdk) {
        Recorded run = WITH_JFR.get(jdk);
        long loopThreadId = Long.parseLong(run.child().fact("sleepPastTheThreshold.threadId"));
        for (ReportRecord event : run.events()) {
            ReportRecord thread = event.object("eventThread");
            assertEquals(LOOP, thread.string("javaName"), "event thread of " + event);
            assertEquals(loopThreadId, thread.integer("javaThreadId"), "event thread id of " + event);

            Matcher site = SITE.matcher(event.string("site"));
            assertTrue(site.matches(), "site of " + event);
            List<ReportRecord> frames = event.object("stackTrace").objects("frames");
            int siteFrame = 0;
            while (siteFrame < frames.size() && !isFrame(frames.get(siteFrame), site.group(1), site.group(2),
                    Long.parseLong(site.group(3)))) {
                siteFrame++;
            }
            assertTrue(siteFrame < frames.size(), "the stack trace should hold the site " + site.group()
                    + " in " + event);
            assertTrue(className(frames.get(0)).startsWith("dev.blockwatch."),
                    "the top frame should be blockwatch's in " + event);
            for (ReportRecord frame : frames.subList(0, siteFrame)) {
                String type = className(frame);
                assertTrue(type.startsWith("dev.blockwatch.report.") || type.startsWith("dev.blockwatch.bootstrap.")
                                || type.matches("(?:java|jdk|sun)\\..*"),
                        "frame of " + type + " above the site is neither blockwatch's nor the JDK's in " + event);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void aCallReportedWhileStillBlockedHasOneEventWhenItReturns(Jdk jdk) {
        Recorded run = WITH_JFR.get(jdk);
        Report report = run.child().report();
        List<ReportRecord> inProgress = report.inProgressCallsAt(JfrScenarios.class, "sleepPastTheThreshold");
        assertEquals(1, inProgress.size(), "in-progress records of the long sleep:\n" + report);
        ReportRecord event = run.onlyEventOf(inProgress.get(0).integer("callId"));
        assertTrue(millis(event.string("callDuration")) >= JfrScenarios.LONG_SLEEP.toMillis(),
                "the event is the returned call's, with its whole duration: " + event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void withJfrFalseTheRecordingHasNoBlockwatchEvent(Jdk jdk) {
        Recorded run = WITHOUT_JFR.get(jdk);
        Report report = run.child().report();
        report.onlyFinalCallAt(JfrScenarios.class, "sleepPastTheThreshold");
        assertEquals(List.of(), run.events(), EVENT + " events in the recording");
    }

    /** On the first JDK only: a JVM without the jdk.jfr module says so once, and blockwatch still reports. */
    @Test
    void withoutTheJfrModuleOneLineSaysSoAndBlockwatchStillReports() {
        Jdk jdk = Jdk.all().get(0);
        ChildJvm child = ChildJvm.on(jdk, workDir);
        ChildJvm.Result result = child.jvmFlag("--limit-modules=java.base")
                .agent("jfr=true," + AGENT_OPTIONS + child.reportFile())
                .run(JfrScenarios.class)
                .assertExitedNormally();
        assertEquals(List.of("blockwatch: jfr=true, but this JVM has no JDK Flight Recorder: module jdk.jfr is not"
                        + " loaded (add it with --add-modules jdk.jfr, or to a jlink image); no JFR events are emitted,"
                        + " the rest of blockwatch works"),
                result.stderrLines().stream().filter(line -> line.contains("jfr")).toList(),
                "lines about JFR on stderr of " + jdk + "\n" + result.describe());
        Report report = result.report();
        report.onlyFinalCallAt(JfrScenarios.class, "sleepPastTheThreshold");
        assertTrue(!report.finalCallsAt(JfrScenarios.class, "waitForChildProcess").isEmpty(),
                "final records of the process wait:\n" + report);
    }

    private static boolean isFrame(ReportRecord frame, String type, String method, long line) {
        return className(frame).equals(type) && frame.object("method").string("name").equals(method)
                && frame.integer("lineNumber") == line;
    }

    /** The frame's class as Java writes it: {@code jfr} writes {@code dev/blockwatch/X}. */
    private static String className(ReportRecord frame) {
        return frame.object("method").object("type").string("name").replace('/', '.');
    }

    /** A JFR timespan, which {@code jfr print --json} writes as an ISO-8601 duration, in milliseconds. */
    private static double millis(String isoDuration) {
        return Duration.parse(isoDuration).toNanos() / 1_000_000.0;
    }
}
