package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Makes sure, before anything is measured, that each agent configuration means what its label says: the agent
 * loads with those options, and it times the JMH worker's calls or not. Otherwise a misspelt option (the agent
 * then stays off), a regex that misses the worker's real name, or a call that the agent does not time where the
 * benchmark makes it (on JDK 17 a native {@code Thread.sleep} is timed at its call sites) would silently turn a row into "no agent" or
 * "unwatched". It runs each call it knows the report of once, with the same thread options at threshold 0, so
 * that every such call the worker makes while watched is reported, and reads the JSON report.
 */
final class ThreadWatchCheck {
    /** The operation the agent reports for each call it times; the other calls are never reported. */
    private static final Map<MeasuredCall, String> REPORTED_OPERATIONS = new EnumMap<>(Map.of(
            MeasuredCall.FILE_READ, "java.io.FileInputStream.read",
            MeasuredCall.THREAD_SLEEP, "java.lang.Thread.sleep"));
    private static final Pattern AGENT_START = Pattern.compile("\"event\"\\s*:\\s*\"agent-start\"");
    private static final Pattern BLOCKING_CALL = Pattern.compile("\"event\"\\s*:\\s*\"blocking-call\"");
    private static final Pattern OPERATION = Pattern.compile("\"operation\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern THREAD = Pattern.compile("\"thread\"\\s*:\\s*\"([^\"]*)\"");

    private ThreadWatchCheck() {
    }

    /** @return the names of the watched worker threads, as the agent reported them */
    static List<String> verify(String jvm, Path agentJar, Path logDir, String runName)
            throws RunnerException, IOException {
        List<String> unwatchedRecords = workerRecords(jvm, agentJar, logDir, runName, AgentConfiguration.UNWATCHED);
        for (MeasuredCall call : REPORTED_OPERATIONS.keySet()) {
            Optional<String> worker = reportingWorker(unwatchedRecords, call);
            if (worker.isPresent()) {
                throw new IllegalStateException("with the default thread policy the agent timed "
                        + REPORTED_OPERATIONS.get(call) + " on the JMH worker " + worker.get() + ", so the \""
                        + AgentConfiguration.UNWATCHED.label + "\" rows would not measure an unwatched thread");
            }
        }
        List<String> watchedRecords = workerRecords(jvm, agentJar, logDir, runName, AgentConfiguration.WATCHED);
        List<String> workers = new ArrayList<>();
        for (MeasuredCall call : REPORTED_OPERATIONS.keySet()) {
            workers.add(reportingWorker(watchedRecords, call).orElseThrow(() -> new IllegalStateException(
                    "the agent did not report " + REPORTED_OPERATIONS.get(call) + " on the JMH worker of "
                            + call.method + " at threshold 0 with thread-names set: the \""
                            + AgentConfiguration.WATCHED.label + "\" regex does not match the worker's name, or the "
                            + "agent does not time the call where the benchmark makes it (see the reports in "
                            + logDir + ")")));
        }
        return workers;
    }

    /** @return the worker of {@code call} if the agent reported the call's operation on it */
    private static Optional<String> reportingWorker(List<String> records, MeasuredCall call) {
        String workerPrefix = call.benchmarkName() + "-jmh-worker";
        for (String record : records) {
            Matcher operation = OPERATION.matcher(record);
            Matcher thread = THREAD.matcher(record);
            if (BLOCKING_CALL.matcher(record).find() && operation.find()
                    && operation.group(1).equals(REPORTED_OPERATIONS.get(call))
                    && thread.find() && thread.group(1).startsWith(workerPrefix)) {
                return Optional.of(thread.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs every call of {@link #REPORTED_OPERATIONS} once in {@code configuration}.
     *
     * @return the lines of the agent's JSON report
     */
    private static List<String> workerRecords(String jvm, Path agentJar, Path logDir, String runName,
                                              AgentConfiguration configuration) throws RunnerException, IOException {
        String name = runName + "-check-" + configuration.name().toLowerCase();
        Path report = logDir.resolve(name + ".jsonl");
        // the agent appends to its report
        Files.deleteIfExists(report);
        new Runner(BenchmarkTable.forkOptions(jvm, configuration.reportingJvmArgs(agentJar, report),
                        logDir.resolve(name + ".log"))
                .include(BenchmarkTable.exactly(REPORTED_OPERATIONS.keySet()))
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .build())
                .run();
        List<String> records = Files.exists(report) ? Files.readAllLines(report) : List.of();
        // JMH forks one JVM per benchmark, and each starts the agent
        long agentStarts = records.stream().filter(record -> AGENT_START.matcher(record).find()).count();
        if (agentStarts < REPORTED_OPERATIONS.size()) {
            throw new IllegalStateException("the agent did not start with the options of \"" + configuration.label
                    + "\": " + agentStarts + " agent-start records in " + report + " for "
                    + REPORTED_OPERATIONS.size() + " forked JVMs (see " + logDir.resolve(name + ".log") + ")");
        }
        return records;
    }
}
