package dev.blockwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Lines of a JSON Lines report in the form the agent's sink writes them, for the check command's tests. */
final class ReportLines {
    static final String HANDLER = "app//com.example.Handler.channelRead(Handler.java:42)";
    static final String READ = "java.io.FileInputStream.read";
    static final String SLEEP = "java.lang.Thread.sleep";

    private ReportLines() {
    }

    static String agentStart() {
        return "{\"event\":\"agent-start\",\"time\":\"2026-11-23T18:00:00.000Z\",\"version\":\"0.1.0-SNAPSHOT\","
                + "\"jdk\":\"17.0.15+6\",\"pid\":4242,\"options\":{\"threshold\":\"20ms\",\"json\":\"report.jsonl\"}}";
    }

    /** A final call record of a {@code file} read at the site. */
    static String call(long callId, String site, double durationMs) {
        return call(callId, site, "file", READ, durationMs, false);
    }

    static String call(long callId, String site, String category, String operation, double durationMs,
                       boolean inProgress) {
        return String.format(Locale.ROOT, "{\"event\":\"blocking-call\",\"time\":\"2026-11-23T18:04:05.123Z\","
                        + "\"callId\":%d,\"thread\":\"nioEventLoopGroup-2-1\",\"threadId\":31,\"category\":\"%s\","
                        + "\"operation\":\"%s\",\"detail\":null,\"durationMs\":%s,\"thresholdMs\":20.0,"
                        + "\"inProgress\":%s,\"site\":%s,\"stack\":[\"java.base/%s(X.java:1)\",%s]}",
                callId, category, operation, durationMs, inProgress, site == null ? "null" : "\"" + site + "\"",
                operation, site == null ? "\"java.base/java.lang.Thread.run(Thread.java:840)\"" : "\"" + site + "\"");
    }

    static String summary(long dropped) {
        return "{\"event\":\"summary\",\"time\":\"2026-11-23T19:00:00.500Z\",\"sites\":[],\"dropped\":" + dropped + "}";
    }

    static Path write(Path file, String... lines) throws IOException {
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
