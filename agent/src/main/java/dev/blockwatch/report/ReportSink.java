package dev.blockwatch.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Where reports go. Called only from blockwatch's writer thread. */
interface ReportSink {
    void agentStarted(long epochMillis, Map<String, String> options) throws IOException;

    void call(SlowCallReport report) throws IOException;

    void summary(long epochMillis, List<SiteSummary.SiteFigures> sites, long dropped) throws IOException;

    void flush() throws IOException;

    void close() throws IOException;
}
