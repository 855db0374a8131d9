package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.RunnerException;

/**
 * What the agent records, on a watched thread, for one call of each database benchmark: what the watched rows pay
 * for. One {@code jdbc} or {@code redis} record a call where the agent instruments the client, else the
 * {@code socket} calls inside it; the table cannot tell which by itself.
 */
final class RecordsPerCall {
    /**
     * Enough calls that the first ones' class loading (file reads, each in its own record) shows as a fraction, and
     * few enough that their records fit in the agent's queue of 1,024 reports.
     */
    private static final int CALLS = 100;

    private RecordsPerCall() {
    }

    /** @return a heading, then one line per call: the mean number of records per call by category and operation */
    static List<String> describe(String jvm, Path agentJar, Path logDir, String runName,
                                 Collection<MeasuredCall> calls) throws RunnerException, IOException {
        AgentReport report = AgentReport.of(jvm, agentJar, logDir, runName + "-records-per-call",
                MeasuredConfiguration.WATCHED, calls, CALLS);
        if (report.dropped() > 0) {
            throw new IllegalStateException("the agent dropped " + report.dropped() + " reports of "
                    + calls.size() * CALLS + " calls at threshold 0, so the records per call would be short");
        }
        List<String> lines = new ArrayList<>();
        lines.add("agent records per call on the watched thread, by category and operation (mean of " + CALLS
                + " calls at threshold 0; the first calls also load classes):");
        for (MeasuredCall call : calls) {
            Map<String, Long> counts = report.onWorkerOf(call).stream()
                    .filter(timed -> timed.inside(call) && !timed.inProgress())
                    .collect(Collectors.groupingBy(timed -> timed.category() + " " + timed.operation(), TreeMap::new,
                            Collectors.counting()));
            lines.add("  " + call.label + ": " + (counts.isEmpty() ? "none" : counts.entrySet().stream()
                    .map(count -> String.format(Locale.ROOT, "%s %.2f", count.getKey(),
                            (double) count.getValue() / CALLS))
                    .collect(Collectors.joining(", "))));
        }
        return lines;
    }
}
