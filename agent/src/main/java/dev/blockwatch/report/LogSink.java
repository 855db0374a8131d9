package dev.blockwatch.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code log} sink: one line per call, through the application's SLF4J when it has a
 * provider, else stderr. A site's full stack is written at most once per {@code repeat}
 * interval (once for calls in progress, once for calls that returned); the lines themselves
 * are never held back.
 */
final class LogSink implements ReportSink {
    private final LogTargets targets = new LogTargets();
    private final long repeatNanos;
    private final Map<String, Long> stackWrittenAt = new HashMap<>();
    private LogTargets.LogTarget lastTarget;

    LogSink(long repeatNanos) {
        this.repeatNanos = repeatNanos;
    }

    @Override
    public void agentStarted(long epochMillis, Map<String, String> options) {
        // the log stays quiet until there is something to report
    }

    @Override
    public void call(SlowCallReport report) {
        StringBuilder message = new StringBuilder(256).append("blockwatch: ").append(report.headline());
        if (stackDue(report)) {
            for (String frame : report.stack()) {
                message.append(System.lineSeparator()).append("\tat ").append(frame);
            }
        }
        lastTarget = targets.forLoader(report.siteLoader());
        lastTarget.warn(message.toString());
    }

    private boolean stackDue(SlowCallReport report) {
        // a call's in-progress stack (where it waits) and its final stack (how it was called) each show once
        String key = (report.inProgress() ? "in progress " : "") + report.operation() + ' ' + report.site();
        long now = System.nanoTime();
        Long last = stackWrittenAt.get(key);
        if (last != null && now - last < repeatNanos) {
            return false;
        }
        stackWrittenAt.put(key, now);
        return true;
    }

    @Override
    public void summary(long epochMillis, List<SiteSummary.SiteFigures> sites, long dropped) {
        long calls = 0;
        for (SiteSummary.SiteFigures site : sites) {
            calls += site.count;
        }
        StringBuilder message = new StringBuilder("blockwatch: summary: ").append(sites.size())
                .append(sites.size() == 1 ? " site, " : " sites, ").append(calls)
                .append(calls == 1 ? " call, " : " calls, ").append(dropped).append(" dropped");
        for (SiteSummary.SiteFigures site : sites) {
            message.append(System.lineSeparator()).append("blockwatch:   ").append(site.count).append(" x ")
                    .append(site.category.optionName()).append(' ').append(site.operation)
                    .append(" at ").append(site.site)
                    .append(" (total ").append(ReportText.logMillis(site.totalNanos))
                    .append(" ms, max ").append(ReportText.logMillis(site.maxNanos))
                    .append(" ms, p50 ").append(ReportText.logMillis(site.p50Nanos))
                    .append(" ms, p99 ").append(ReportText.logMillis(site.p99Nanos)).append(" ms)");
        }
        (lastTarget != null ? lastTarget : targets.forLoader(null)).warn(message.toString());
    }

    @Override
    public void flush() {
        System.err.flush();
    }

    @Override
    public void close() {
        System.err.flush();
    }
}
