package dev.blockwatch.report;

import dev.blockwatch.Blockwatch;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Appends one JSON object a line to the {@code json} file, as DESIGN.md's Output section specifies. */
final class JsonLinesSink implements ReportSink {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);

    JsonLinesSink(Path file) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void agentStarted(long epochMillis, Map<String, String> options) throws IOException {
        line.setLength(0);
        line.append('{');
        JsonText.field(line, "event", "agent-start");
        line.append(',');
        JsonText.field(line, "time", ReportText.time(epochMillis));
        line.append(',');
        JsonText.field(line, "version", Blockwatch.version());
        line.append(',');
        JsonText.field(line, "jdk", Runtime.version().toString());
        line.append(",\"pid\":").append(ProcessHandle.current().pid()).append(",\"options\":{");
        boolean first = true;
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            JsonText.field(line, option.getKey(), option.getValue());
        }
        line.append("}}\n");
        out.write(line.toString());
    }

    @Override
    public void call(SlowCallReport report) throws IOException {
        line.setLength(0);
        line.append('{');
        JsonText.field(line, "event", "blocking-call");
        line.append(',');
        JsonText.field(line, "time", ReportText.time(report.startEpochMillis()));
        line.append(",\"callId\":").append(report.callId()).append(',');
        JsonText.field(line, "thread", report.threadName());
        line.append(",\"threadId\":").append(report.threadId()).append(',');
        JsonText.field(line, "category", report.category().optionName());
        line.append(',');
        JsonText.field(line, "operation", report.operation());
        line.append(',');
        JsonText.field(line, "detail", report.detail());
        line.append(",\"durationMs\":").append(ReportText.millis(report.durationNanos()))
                .append(",\"thresholdMs\":").append(ReportText.millis(report.thresholdNanos()))
                .append(",\"inProgress\":").append(report.inProgress()).append(',');
        JsonText.field(line, "site", report.site());
        line.append(",\"stack\":[");
        List<String> stack = report.stack();
        for (int i = 0; i < stack.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            JsonText.string(line, stack.get(i));
        }
        line.append("]}\n");
        out.write(line.toString());
    }

    @Override
    public void summary(long epochMillis, List<SiteSummary.SiteFigures> sites, long dropped) throws IOException {
        line.setLength(0);
        line.append('{');
        JsonText.field(line, "event", "summary");
        line.append(',');
        JsonText.field(line, "time", ReportText.time(epochMillis));
        line.append(",\"sites\":[");
        for (int i = 0; i < sites.size(); i++) {
            SiteSummary.SiteFigures site = sites.get(i);
            if (i > 0) {
                line.append(',');
            }
            line.append('{');
            JsonText.field(line, "site", site.site);
            line.append(',');
            JsonText.field(line, "category", site.category.optionName());
            line.append(',');
            JsonText.field(line, "operation", site.operation);
            line.append(",\"count\":").append(site.count)
                    .append(",\"totalMs\":").append(ReportText.millis(site.totalNanos))
                    .append(",\"maxMs\":").append(ReportText.millis(site.maxNanos))
                    .append(",\"p50Ms\":").append(ReportText.millis(site.p50Nanos))
                    .append(",\"p99Ms\":").append(ReportText.millis(site.p99Nanos))
                    .append('}');
        }
        line.append("],\"dropped\":").append(dropped).append("}\n");
        out.write(line.toString());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
