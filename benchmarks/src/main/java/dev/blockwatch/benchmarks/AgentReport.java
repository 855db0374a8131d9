package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The agent's JSON report of some benchmark calls, run in one {@link MeasuredConfiguration} at threshold 0 so that
 * every call the agent times on a watched thread is in it.
 */
final class AgentReport {
    private static final Pattern AGENT_START = Pattern.compile("\"event\"\\s*:\\s*\"agent-start\"");
    private static final Pattern BLOCKING_CALL = Pattern.compile("\"event\"\\s*:\\s*\"blocking-call\"");
    private static final Pattern THREAD = Pattern.compile("\"thread\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CATEGORY = Pattern.compile("\"category\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern OPERATION = Pattern.compile("\"operation\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern IN_PROGRESS = Pattern.compile("\"inProgress\"\\s*:\\s*true");
    private static final Pattern DROPPED = Pattern.compile("\"dropped\"\\s*:\\s*(\\d+)");

    private final List<String> records;

    private AgentReport(List<String> records) {
        this.records = records;
    }

    /**
     * Runs each of {@code calls} {@code callsPerFork} times, in a forked JVM of its own (JMH forks one per
     * benchmark), and reads the report. {@code name} names the report and the JMH log in {@code logDir}.
     */
    static AgentReport of(String jvm, Path agentJar, Path logDir, String name, MeasuredConfiguration configuration,
                          Collection<MeasuredCall> calls, int callsPerFork) throws RunnerException, IOException {
        Path report = logDir.resolve(name + ".jsonl");
        // the agent appends to its report
        Files.deleteIfExists(report);
        new Runner(BenchmarkTable.forkOptions(jvm, configuration.reportingJvmArgs(agentJar, report),
                        logDir.resolve(name + ".log"))
                .include(BenchmarkTable.exactly(calls))
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementBatchSize(callsPerFork)
                .build())
                .run();
        List<String> records = Files.exists(report) ? Files.readAllLines(report) : List.of();
        // each forked JVM starts the agent
        long agentStarts = records.stream().filter(record -> AGENT_START.matcher(record).find()).count();
        if (agentStarts < calls.size()) {
            throw new IllegalStateException("the agent did not start with the options of \"" + configuration.label
                    + "\": " + agentStarts + " agent-start records in " + report + " for " + calls.size()
                    + " forked JVMs (see " + logDir.resolve(name + ".log") + ")");
        }
        return new AgentReport(records);
    }

    /** The calls the agent reported on the JMH worker thread of {@code call}. */
    List<TimedCall> onWorkerOf(MeasuredCall call) {
        String workerPrefix = call.benchmarkName() + "-jmh-worker";
        return records.stream()
                .filter(record -> BLOCKING_CALL.matcher(record).find())
                .map(TimedCall::of)
                .filter(timed -> timed.thread().startsWith(workerPrefix))
                .toList();
    }

    /** The reports the agent dropped because its queue was full, over every forked JVM. */
    long dropped() {
        return records.stream()
                .map(DROPPED::matcher)
                .filter(Matcher::find)
                .mapToLong(dropped -> Long.parseLong(dropped.group(1)))
                .sum();
    }

    /** One blocking-call record. */
    record TimedCall(String thread, String category, String operation, String record) {
        static TimedCall of(String record) {
            return new TimedCall(field(THREAD, record), field(CATEGORY, record), field(OPERATION, record), record);
        }

        /** Whether this is the report of a call still running, which is reported again when it returns. */
        boolean inProgress() {
            return IN_PROGRESS.matcher(record).find();
        }

        /** Whether the call was made inside {@code call}'s benchmark method, not in its setup. */
        boolean inside(MeasuredCall call) {
            return record.contains("\"" + call.benchmarkName() + "(");
        }

        private static String field(Pattern pattern, String record) {
            Matcher matcher = pattern.matcher(record);
            return matcher.find() ? matcher.group(1) : "";
        }
    }
}
