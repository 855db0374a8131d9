package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blockwatch.cli.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The agent's JSON Lines report ({@code json=<path>}), every line parsed strictly. */
final class Report {
    private static final Set<String> EVENTS = Set.of("agent-start", "blocking-call", "summary");

    private final Path file;
    private final List<ReportRecord> records;

    private Report(Path file, List<ReportRecord> records) {
        this.file = file;
        this.records = records;
    }

    static Report read(Path file) {
        List<ReportRecord> records = new ArrayList<>();
        stream(file, records::add);
        return new Report(file, records);
    }

    /** Hands each record to the consumer in file order without keeping them, for reports too big to hold. */
    static void stream(Path file, Consumer<ReportRecord> consumer) {
        assertTrue(Files.isRegularFile(file), "the agent wrote no report at " + file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                consumer.accept(parseLine(file, number, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReportRecord parseLine(Path file, int number, String line) {
        String source = file.getFileName() + " line " + number + ": " + line;
        Object value;
        try {
            value = JsonParser.parse(line);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage() + " in " + source);
        }
        if (!(value instanceof Map)) {
            return fail("not a JSON object: " + source);
        }
        @SuppressWarnings("unchecked")
        ReportRecord record = new ReportRecord((Map<String, Object>) value, source);
        assertTrue(EVENTS.contains(record.event()), "unknown event in " + source);
        return record;
    }

    /** The agent-start record, which must come first and only once. */
    ReportRecord agentStart() {
        assertTrue(!records.isEmpty(), "the report " + file + " is empty");
        ReportRecord first = records.get(0);
        assertEquals("agent-start", first.event(), "the first record of the report");
        assertEquals(1, records.stream().filter(r -> r.event().equals("agent-start")).count(),
                "agent-start records in " + file);
        return first;
    }

    /** The report's first record; the report must not be empty. */
    ReportRecord firstRecord() {
        assertTrue(!records.isEmpty(), "the report " + file + " is empty");
        return records.get(0);
    }

    /** The report's last record; the report must not be empty. */
    ReportRecord lastRecord() {
        assertTrue(!records.isEmpty(), "the report " + file + " is empty");
        return records.get(records.size() - 1);
    }

    /** Every agent-start record, in file order (one unless the agent was started again in the same file). */
    List<ReportRecord> agentStarts() {
        return records.stream().filter(r -> r.event().equals("agent-start")).toList();
    }

    List<ReportRecord> blockingCalls() {
        return records.stream().filter(ReportRecord::isBlockingCall).toList();
    }

    List<ReportRecord> finalCalls() {
        return records.stream().filter(ReportRecord::isFinalCall).toList();
    }

    /** Final records of the calls made at site {@code type.method}. */
    List<ReportRecord> finalCallsAt(Class<?> type, String method) {
        return finalCalls().stream().filter(r -> r.siteIs(type, method)).toList();
    }

    /** Every blocking-call record, in-progress ones included, of the calls made at site {@code type.method}. */
    List<ReportRecord> blockingCallsAt(Class<?> type, String method) {
        return blockingCalls().stream().filter(r -> r.siteIs(type, method)).toList();
    }

    /** In-progress records of the calls made at site {@code type.method}. */
    List<ReportRecord> inProgressCallsAt(Class<?> type, String method) {
        return blockingCallsAt(type, method).stream().filter(r -> r.bool("inProgress")).toList();
    }

    /** Final records of the calls made on the named thread. */
    List<ReportRecord> finalCallsOn(String thread) {
        return finalCalls().stream().filter(r -> r.string("thread").equals(thread)).toList();
    }

    /**
     * The final record of the one call reported at {@code type.method}. A call still blocked at the
     * threshold may also have one in-progress record, which must then share its callId, time, thread and site.
     */
    ReportRecord onlyFinalCallAt(Class<?> type, String method) {
        return onlyFinalCall(finalCallsAt(type, method), blockingCallsAt(type, method),
                "at " + type.getName() + "." + method);
    }

    /** As {@link #onlyFinalCallAt}, for the one call reported on the named thread. */
    ReportRecord onlyFinalCallOn(String thread) {
        return onlyFinalCall(finalCallsOn(thread), blockingCalls().stream()
                .filter(r -> r.string("thread").equals(thread)).toList(), "on thread " + thread);
    }

    /**
     * The in-progress records among {@code all}, and those of the call wherever they were made
     * (found by callId), are at most one, and that one is the call's: same callId, time, thread and site.
     */
    private ReportRecord onlyFinalCall(List<ReportRecord> finals, List<ReportRecord> all, String where) {
        assertEquals(1, finals.size(), "final blocking-call records " + where + " in the report:\n" + this);
        ReportRecord call = finals.get(0);
        long callId = call.integer("callId");
        List<ReportRecord> inProgress = blockingCalls().stream()
                .filter(r -> r.bool("inProgress") && (all.contains(r) || r.integer("callId") == callId))
                .toList();
        assertTrue(inProgress.size() <= 1, "more than one in-progress record " + where + ":\n" + this);
        for (ReportRecord early : inProgress) {
            assertEquals(callId, early.integer("callId"), "callId of " + early + " and " + call);
            assertEquals(call.string("time"), early.string("time"), "time of " + early + " and " + call);
            assertEquals(call.string("thread"), early.string("thread"), "thread of " + early + " and " + call);
            assertEquals(call.string("site"), early.string("site"), "site of " + early + " and " + call);
        }
        return call;
    }

    /** The summary written at exit: exactly one, and the last record. */
    ReportRecord summary() {
        List<ReportRecord> summaries = records.stream().filter(r -> r.event().equals("summary")).toList();
        assertEquals(1, summaries.size(), "summary records in " + file + "\n" + this);
        assertEquals("summary", records.get(records.size() - 1).event(), "the last record of " + file);
        return summaries.get(0);
    }

    @Override
    public String toString() {
        return records.stream().map(ReportRecord::toString).collect(Collectors.joining("\n"));
    }
}
