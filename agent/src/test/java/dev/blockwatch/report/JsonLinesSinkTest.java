package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.Blockwatch;
import dev.blockwatch.cli.JsonParser;
import dev.blockwatch.config.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON Lines file, record by record, as DESIGN.md's Output section specifies it. */
class JsonLinesSinkTest {
    private static final long MILLI = 1_000_000;
    private static final String SITE = "com.example.Handler.channelRead(Handler.java:42)";
    private static final String READ = "java.io.FileInputStream.read";

    @TempDir
    Path dir;

    private static List<StackWalker.StackFrame> someRealFrames() {
        return StackWalker.getInstance().walk(frames -> frames.limit(3).collect(Collectors.toList()));
    }

    private static List<String> text(List<StackWalker.StackFrame> frames) {
        return frames.stream().map(frame -> frame.toStackTraceElement().toString()).collect(Collectors.toList());
    }

    private List<String> written(WritesTo writes) throws IOException {
        Path file = dir.resolve("blockwatch.jsonl");
        JsonLinesSink sink = new JsonLinesSink(file);
        writes.to(sink);
        sink.close();
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private Map<String, Object> onlyRecord(WritesTo writes) throws IOException {
        List<String> lines = written(writes);
        assertEquals(1, lines.size(), "lines");
        return JsonParser.parseObject(lines.get(0));
    }

    /** What a test writes to the sink. */
    private interface WritesTo {
        void to(JsonLinesSink sink) throws IOException;
    }

    @Test
    void aCallIsWrittenExactlyInTheDocumentedForm() throws IOException {
        List<StackWalker.StackFrame> frames = someRealFrames();
        String stack = text(frames).stream().map(frame -> "\"" + frame + "\"").collect(Collectors.joining(","));

        List<String> lines = written(sink -> sink.call(new ReportBuilder().frames(frames).build()));

        assertEquals(List.of("{\"event\":\"blocking-call\",\"time\":\"2026-11-23T18:04:05.123Z\",\"callId\":1042,"
                + "\"thread\":\"nioEventLoopGroup-2-1\",\"threadId\":31,\"category\":\"file\","
                + "\"operation\":\"java.io.FileInputStream.read\",\"detail\":\"/var/data/big.bin\","
                + "\"durationMs\":512.3,\"thresholdMs\":20.0,\"inProgress\":false,"
                + "\"site\":\"com.example.Handler.channelRead(Handler.java:42)\",\"stack\":[" + stack + "]}"), lines);
    }

    @Test
    void aCallsStackIsItsFramesAsStackTraceElementsWriteThem() throws IOException {
        List<StackWalker.StackFrame> frames = someRealFrames();

        Map<String, Object> record = onlyRecord(sink -> sink.call(new ReportBuilder().frames(frames).build()));

        assertEquals(text(frames), record.get("stack"));
        assertEquals(3, text(frames).size());
    }

    @Test
    void aCallWithoutDetailStillHasTheField() throws IOException {
        Map<String, Object> record = onlyRecord(sink -> sink.call(new ReportBuilder()
                .call(Category.SLEEP, "java.lang.Thread.sleep", null).build()));

        assertTrue(record.containsKey("detail"));
        assertNull(record.get("detail"));
        assertEquals("sleep", record.get("category"));
    }

    @Test
    void anInProgressCallSaysSo() throws IOException {
        Map<String, Object> record = onlyRecord(sink -> sink.call(new ReportBuilder().callId(7).inProgress(true)
                .durationNanos(5_000_000_000L).build()));

        assertEquals(Boolean.TRUE, record.get("inProgress"));
        assertEquals(7L, record.get("callId"));
        assertEquals(5000.0, record.get("durationMs"));
    }

    @Test
    void textWithQuotesBackslashesAndNewlinesStaysOnOneLine() throws IOException {
        String thread = "loop \"1\"\nsecond line";
        String detail = "C:\\data\\big.bin\r\n";

        Map<String, Object> record = onlyRecord(sink -> sink.call(new ReportBuilder().thread(thread, 5)
                .call(Category.FILE, READ, detail).site(null).build()));

        assertEquals(thread, record.get("thread"));
        assertEquals(detail, record.get("detail"));
        assertNull(record.get("site"));
        assertEquals(List.of(), record.get("stack"));
    }

    @Test
    void theAgentStartRecordNamesVersionJdkPidAndOptions() throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("threshold", "20ms");
        options.put("threads", "event-loop");
        options.put("thread-names", "");
        options.put("json", "/tmp/a \"quoted\" path.jsonl");
        long startedAt = Instant.parse("2026-11-23T18:00:00Z").toEpochMilli();

        Map<String, Object> record = onlyRecord(sink -> sink.agentStarted(startedAt, options));

        assertEquals("agent-start", record.get("event"));
        assertEquals("event", record.keySet().iterator().next());
        assertEquals(Blockwatch.version(), record.get("version"));
        assertEquals(Runtime.version().toString(), record.get("jdk"));
        assertEquals(ProcessHandle.current().pid(), record.get("pid"));
        assertEquals(options, record.get("options"));
        assertEquals(new ArrayList<>(options.keySet()), new ArrayList<>(((Map<?, ?>) record.get("options")).keySet()));
        assertEquals("2026-11-23T18:00:00.000Z", record.get("time"));
    }

    @Test
    void theSummaryRecordListsEverySiteAndTheDroppedCount() throws IOException {
        SiteSummary summary = new SiteSummary();
        summary.record(SITE, Category.FILE, READ, 10 * MILLI);
        summary.record(SITE, Category.FILE, READ, 20 * MILLI);
        summary.record(SITE, Category.FILE, READ, 30 * MILLI);
        summary.record("com.example.Cache.load(Cache.java:9)", Category.SLEEP, "java.lang.Thread.sleep", 25 * MILLI);
        long writtenAt = Instant.parse("2026-11-23T19:00:00.500Z").toEpochMilli();

        Map<String, Object> record = onlyRecord(sink -> sink.summary(writtenAt, summary.figures(), 2));

        assertEquals(List.of("event", "time", "sites", "dropped"), new ArrayList<>(record.keySet()));
        assertEquals("summary", record.get("event"));
        assertEquals("2026-11-23T19:00:00.500Z", record.get("time"));
        assertEquals(2L, record.get("dropped"));
        List<?> sites = (List<?>) record.get("sites");
        assertEquals(2, sites.size());
        Map<?, ?> costliest = (Map<?, ?>) sites.get(0);
        assertEquals(List.of("site", "category", "operation", "count", "totalMs", "maxMs", "p50Ms", "p99Ms"),
                new ArrayList<>(costliest.keySet()));
        assertEquals(SITE, costliest.get("site"));
        assertEquals("file", costliest.get("category"));
        assertEquals(READ, costliest.get("operation"));
        assertEquals(3L, costliest.get("count"));
        assertEquals(60.0, costliest.get("totalMs"));
        assertEquals(30.0, costliest.get("maxMs"));
        assertEquals(20.0, (Double) costliest.get("p50Ms"), 20.0 * 0.03);
        assertEquals(30.0, (Double) costliest.get("p99Ms"), 30.0 * 0.03);
        Map<?, ?> other = (Map<?, ?>) sites.get(1);
        assertEquals("sleep", other.get("category"));
        assertEquals(1L, other.get("count"));
        assertEquals(25.0, other.get("totalMs"));
    }

    @Test
    void aSummaryOfNoSitesIsAnEmptyList() throws IOException {
        Map<String, Object> record = onlyRecord(sink -> sink.summary(0, List.of(), 0));

        assertEquals(List.of(), record.get("sites"));
        assertEquals(0L, record.get("dropped"));
    }

    @Test
    void recordsFollowOneAnotherOneALine() throws IOException {
        List<String> lines = written(sink -> {
            sink.agentStarted(0, Map.of("threshold", "20ms"));
            sink.call(new ReportBuilder().callId(1).inProgress(true).build());
            sink.call(new ReportBuilder().callId(1).build());
            sink.summary(0, List.of(), 0);
        });

        assertEquals(List.of("agent-start", "blocking-call", "blocking-call", "summary"),
                lines.stream().map(line -> JsonParser.parseObject(line).get("event")).collect(Collectors.toList()));
    }

    @Test
    void aFlushedRecordIsInTheFileBeforeTheSinkCloses() throws IOException {
        Path file = dir.resolve("flushed.jsonl");
        JsonLinesSink sink = new JsonLinesSink(file);
        try {
            sink.call(new ReportBuilder().build());
            sink.flush();

            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertEquals(1, lines.size());
            assertEquals("blocking-call", JsonParser.parseObject(lines.get(0)).get("event"));
        } finally {
            sink.close();
        }
    }

    @Test
    void recordsAreAppendedToWhatTheFileHeld() throws IOException {
        Path file = dir.resolve("blockwatch.jsonl");
        Files.writeString(file, "{\"event\":\"summary\",\"time\":\"x\",\"sites\":[],\"dropped\":0}\n");

        List<String> lines = written(sink -> sink.call(new ReportBuilder().build()));

        assertEquals(2, lines.size());
        assertEquals("summary", JsonParser.parseObject(lines.get(0)).get("event"));
        assertEquals("blocking-call", JsonParser.parseObject(lines.get(1)).get("event"));
    }

    @Test
    void theFileIsUtf8() throws IOException {
        List<String> lines = written(sink -> sink.call(new ReportBuilder().thread("événement-1 ✓", 9).build()));

        assertEquals("événement-1 ✓", JsonParser.parseObject(lines.get(0)).get("thread"));
    }
}
