package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Makes sure, before anything is measured, that each agent configuration means what its label says: the agent
 * loads with those options, and it times the JMH worker's calls or not. Otherwise a misspelt option (the agent
 * then stays off), a regex that misses the worker's real name, or a call that the agent does not time where the
 * benchmark makes it (on JDK 17 a native {@code Thread.sleep} is timed at its call sites) would silently turn a row into "no agent" or
 * "unwatched". It runs each call it knows the report of once, with the same thread options at threshold 0, so
 * that every such call the worker makes while watched is reported, and reads the JSON report. Every JMH worker is
 * named alike, so what holds for these calls' workers holds for every suite's.
 */
final class ThreadWatchCheck {
    /** The operation the agent reports for each call it times; the other calls are never reported. */
    private static final Map<MeasuredCall, String> REPORTED_OPERATIONS = new EnumMap<>(Map.of(
            MeasuredCall.FILE_READ, "java.io.FileInputStream.read",
            MeasuredCall.CACHED_FILE_READ, "java.io.FileInputStream.read",
            MeasuredCall.SOCKET_READ, "java.net.Socket.read",
            MeasuredCall.THREAD_SLEEP, "java.lang.Thread.sleep"));

    private ThreadWatchCheck() {
    }

    /** @return the names of the watched worker threads, as the agent reported them */
    static List<String> verify(String jvm, Path agentJar, Path logDir, String runName)
            throws RunnerException, IOException {
        AgentReport unwatchedReport = report(jvm, agentJar, logDir, runName, MeasuredConfiguration.UNWATCHED);
        for (MeasuredCall call : REPORTED_OPERATIONS.keySet()) {
            Optional<String> worker = reportingWorker(unwatchedReport, call);
            if (worker.isPresent()) {
                throw new IllegalStateException("with the default thread policy the agent timed "
                        + REPORTED_OPERATIONS.get(call) + " on the JMH worker " + worker.get() + ", so the \""
                        + MeasuredConfiguration.UNWATCHED.label + "\" rows would not measure an unwatched thread");
            }
        }
        AgentReport watchedReport = report(jvm, agentJar, logDir, runName, MeasuredConfiguration.WATCHED);
        List<String> workers = new ArrayList<>();
        for (MeasuredCall call : REPORTED_OPERATIONS.keySet()) {
            workers.add(reportingWorker(watchedReport, call).orElseThrow(() -> new IllegalStateException(
                    "the agent did not report " + REPORTED_OPERATIONS.get(call) + " on the JMH worker of "
                            + call.method + " at threshold 0 with thread-names set: the \""
                            + MeasuredConfiguration.WATCHED.label + "\" regex does not match the worker's name, or the "
                            + "agent does not time the call where the benchmark makes it (see the reports in "
                            + logDir + ")")));
        }
        return workers;
    }

    /** @return the worker of {@code call} if the agent reported the call's operation on it */
    private static Optional<String> reportingWorker(AgentReport report, MeasuredCall call) {
        return report.onWorkerOf(call).stream()
                .filter(timed -> timed.operation().equals(REPORTED_OPERATIONS.get(call)))
                .map(AgentReport.TimedCall::thread)
                .findFirst();
    }

    /** Runs every call of {@link #REPORTED_OPERATIONS} once in {@code configuration}. */
    private static AgentReport report(String jvm, Path agentJar, Path logDir, String runName,
                                      MeasuredConfiguration configuration) throws RunnerException, IOException {
        return AgentReport.of(jvm, agentJar, logDir, runName + "-check-" + configuration.name().toLowerCase(),
                configuration, REPORTED_OPERATIONS.keySet(), 1);
    }
}
