package dev.blockwatch.cli;

import static dev.blockwatch.cli.ReportLines.HANDLER;
import static dev.blockwatch.cli.ReportLines.READ;
import static dev.blockwatch.cli.ReportLines.SLEEP;
import static dev.blockwatch.cli.ReportLines.agentStart;
import static dev.blockwatch.cli.ReportLines.call;
import static dev.blockwatch.cli.ReportLines.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a report into calls per site: runs, in-progress records, and the lines check refuses. */
class ReportCallsTest {
    private static final SiteKey HANDLER_READ = SiteKey.of(HANDLER, "file", READ);

    @TempDir
    Path dir;

    private ReportCalls read(String... lines) throws Exception {
        return ReportCalls.read(ReportLines.write(dir.resolve("report.jsonl"), lines));
    }

    private String refusal(String... lines) throws IOException {
        Path file = ReportLines.write(dir.resolve("report.jsonl"), lines);
        return assertThrows(CommandFailure.class, () -> ReportCalls.read(file)).getMessage();
    }

    private String at(int line) {
        return dir.resolve("report.jsonl") + ":" + line + ": ";
    }

    @Test
    void callsAreGroupedBySiteKey() throws Exception {
        ReportCalls report = read(agentStart(),
                call(1, HANDLER, 30.0),
                call(2, "com.example.Handler.channelRead(Handler.java:57)", 45.0),
                call(3, HANDLER, "sleep", SLEEP, 100.0, false),
                call(4, null, "sleep", SLEEP, 25.0, false),
                summary(0));

        assertEquals(4, report.callCount());
        assertEquals(List.of(new SiteKey("(unknown site)", "sleep", SLEEP), HANDLER_READ,
                new SiteKey("com.example.Handler.channelRead", "sleep", SLEEP)), List.copyOf(report.sites().keySet()));
        SiteCalls reads = report.sites().get(HANDLER_READ);
        assertEquals(2, reads.count());
        assertEquals(45.0, reads.maxMs());
        assertEquals("com.example.Handler.channelRead(Handler.java:57)", reads.slowestSite());
        assertEquals(0, report.dropped());
    }

    @Test
    void anInProgressRecordCountsOnlyForACallWithoutAFinalOne() throws Exception {
        ReportCalls report = read(agentStart(),
                call(1, HANDLER, "file", READ, 20.1, true),
                call(1, HANDLER, "file", READ, 312.5, false),
                call(2, HANDLER, "file", READ, 20.2, true),
                summary(0));

        SiteCalls reads = report.sites().get(HANDLER_READ);
        assertEquals(2, report.callCount());
        assertEquals(2, reads.count());
        assertEquals(312.5, reads.maxMs());
        assertEquals(312.5, reads.p99Ms());
        assertEquals(1, reads.countOver(300.0));
        assertEquals(2, reads.countOver(20.15));
    }

    @Test
    void aFinalRecordWinsWhicheverComesFirst() throws Exception {
        ReportCalls report = read(agentStart(),
                call(1, HANDLER, "file", READ, 80.0, false),
                call(1, HANDLER, "file", READ, 20.1, true));

        assertEquals(1, report.callCount());
        assertEquals(80.0, report.sites().get(HANDLER_READ).maxMs());
    }

    @Test
    void eachAgentStartBeginsARunWithItsOwnCallIds() throws Exception {
        ReportCalls report = read(agentStart(),
                call(1, HANDLER, "file", READ, 20.1, true),
                call(1, HANDLER, "file", READ, 40.0, false),
                summary(2),
                agentStart(),
                call(1, HANDLER, "file", READ, 20.3, true), // run 2's call 1 has no final record
                summary(1),
                summary(3));

        SiteCalls reads = report.sites().get(HANDLER_READ);
        assertEquals(2, report.callCount());
        assertEquals(2, reads.count());
        assertEquals(40.0, reads.maxMs());
        assertEquals(1, reads.countOver(30.0));
        assertEquals(5, report.dropped(), "each run's latest dropped count, added up");
    }

    @Test
    void blankLinesAndOtherEventsAreSkipped() throws Exception {
        ReportCalls report = read("", agentStart(), "   ", "{\"event\":\"heartbeat\",\"callId\":\"x\"}",
                call(1, HANDLER, 30.0), "");

        assertEquals(1, report.callCount());
    }

    @Test
    void aReportWithoutCallsHasNoSites() throws Exception {
        ReportCalls report = read(agentStart(), summary(0));

        assertEquals(0, report.callCount());
        assertEquals(0, report.sites().size());
    }

    @Test
    void aLineThatIsNotAJsonObjectIsNamedWithItsNumber() throws IOException {
        String line = call(2, HANDLER, 30.0);
        int operation = line.indexOf("\"" + READ + "\"");
        String cutShort = line.substring(0, operation + 8); // as a killed agent may leave its last line

        assertEquals(at(3) + "not a JSON object: a string that is never closed at column " + (operation + 1)
                        + " (a blockwatch report holds one JSON object a line; was this line edited or cut short?)",
                refusal(agentStart(), call(1, HANDLER, 30.0), cutShort));
        assertEquals(at(2) + "not a JSON object: a JSON object expected, found an array (a blockwatch report holds"
                        + " one JSON object a line; was this line edited or cut short?)",
                refusal(agentStart(), "[1,2]"));
    }

    @Test
    void aCallWithoutARequiredFieldIsNamedWithItsLineNumber() throws IOException {
        for (String field : List.of("callId", "category", "operation", "durationMs", "inProgress", "thread")) {
            String call = call(7, HANDLER, 30.0).replaceFirst("\"" + field + "\":[^,]*,", "");
            assertEquals(at(3) + "blocking-call record without \"" + field + "\"",
                    refusal(agentStart(), "", call), field);
        }
    }

    @Test
    void aCallFieldOfTheWrongTypeIsNamedWithItsLineNumber() throws IOException {
        assertEquals(at(2) + "\"durationMs\" of a blocking-call record must be a number, found a string",
                refusal(agentStart(), call(1, HANDLER, 30.0).replace("\"durationMs\":30.0", "\"durationMs\":\"30.0\"")));
        assertEquals(at(2) + "\"callId\" of a blocking-call record must be a whole number, found 1.5",
                refusal(agentStart(), call(1, HANDLER, 30.0).replace("\"callId\":1", "\"callId\":1.5")));
        assertEquals(at(2) + "\"inProgress\" of a blocking-call record must be true or false, found null",
                refusal(agentStart(), call(1, HANDLER, 30.0).replace("\"inProgress\":false", "\"inProgress\":null")));
        assertEquals(at(2) + "\"site\" of a blocking-call record must be a string or null, found 42",
                refusal(agentStart(), call(1, HANDLER, 30.0).replace("\"site\":\"" + HANDLER + "\"", "\"site\":42")));
        assertEquals(at(2) + "\"category\" of a blocking-call record must be a string, found an array",
                refusal(agentStart(), call(1, HANDLER, 30.0).replace("\"category\":\"file\"", "\"category\":[]")));
        assertEquals(at(2) + "\"durationMs\" of a blocking-call record must not be negative, found -1.0",
                refusal(agentStart(), call(1, HANDLER, -1.0)));
        assertEquals(at(3) + "\"dropped\" of a summary record must be a whole number, found a string",
                refusal(agentStart(), call(1, HANDLER, 30.0), "{\"event\":\"summary\",\"dropped\":\"2\"}"));
    }

    @Test
    void anEmptyReportSaysTheAgentWroteNothing() throws IOException {
        Path file = dir.resolve("report.jsonl");
        assertEquals(file + " is empty: blockwatch wrote nothing there (was the agent running with json=" + file + "?)",
                refusal());
        assertEquals(file + " is empty: blockwatch wrote nothing there (was the agent running with json=" + file + "?)",
                refusal("", " "));
    }

    @Test
    void aFileOfOtherRecordsIsNotAReport() throws IOException {
        assertEquals(dir.resolve("report.jsonl") + " holds no blockwatch records (agent-start, blocking-call, summary)"
                        + " in its 2 lines; give the file that the agent's json= option named",
                refusal("{\"level\":\"info\"}", "{\"level\":\"warn\"}"));
    }

    @Test
    void aMissingReportIsOneLine() {
        Path missing = dir.resolve("missing.jsonl");
        assertEquals("no report at " + missing + ": no such file or directory (was the agent running with json="
                + missing + "?)", assertThrows(CommandFailure.class, () -> ReportCalls.read(missing)).getMessage());
    }

    @Test
    void aDirectoryIsNotAReport() {
        assertEquals("cannot read report " + dir + ": it is a directory; give the file that the agent's json= option"
                + " named", assertThrows(CommandFailure.class, () -> ReportCalls.read(dir)).getMessage());
    }

    @Test
    void aReportThatIsNotUtf8IsOneLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}', '\n'});

        assertEquals("cannot read report " + file + ": not UTF-8 text",
                assertThrows(CommandFailure.class, () -> ReportCalls.read(file)).getMessage());
    }
}
