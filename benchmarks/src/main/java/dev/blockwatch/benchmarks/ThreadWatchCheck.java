package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Makes sure, before anything is measured, that each agent configuration means what its label says: the agent
 * loads with those options, and the JMH worker thread is watched or not. Otherwise a misspelt option (the agent
 * then stays off) or a regex that misses the worker's real name would silently turn a row into "no agent" or
 * "unwatched". It runs the file read once with the same thread options at threshold 0, so that every call the
 * worker makes while watched is reported, and reads the JSON report.
 */
final class ThreadWatchCheck {
    private static final Pattern AGENT_START = Pattern.compile("\"event\"\\s*:\\s*\"agent-start\"");
    private static final Pattern BLOCKING_CALL = Pattern.compile("\"event\"\\s*:\\s*\"blocking-call\"");
    private static final Pattern FILE_READ =
            Pattern.compile("\"operation\"\\s*:\\s*\"java\\.io\\.FileInputStream\\.read\"");
    private static final Pattern THREAD = Pattern.compile("\"thread\"\\s*:\\s*\"([^\"]*)\"");

    private ThreadWatchCheck() {
    }

    /** @return the name of the watched worker thread, as the agent reported it */
    static String verify(String jvm, Path agentJar, Path logDir, String runName) throws RunnerException, IOException {
        Optional<String> unwatchedWorker = workerFileRead(jvm, agentJar, logDir, runName, AgentConfiguration.UNWATCHED);
        if (unwatchedWorker.isPresent()) {
            throw new IllegalStateException("with the default thread policy the agent watched the JMH worker "
                    + unwatchedWorker.get() + ", so the \"" + AgentConfiguration.UNWATCHED.label
                    + "\" rows would not measure an unwatched thread");
        }
        return workerFileRead(jvm, agentJar, logDir, runName, AgentConfiguration.WATCHED)
                .orElseThrow(() -> new IllegalStateException("the agent did not report the JMH worker's file read "
                        + "at threshold 0 with thread-names set: the \"" + AgentConfiguration.WATCHED.label
                        + "\" regex does not match the worker's name (see the reports in " + logDir + ")"));
    }

    /** @return the worker thread on which the agent reported a FileInputStream.read, if it did */
    private static Optional<String> workerFileRead(String jvm, Path agentJar, Path logDir, String runName,
                                                   AgentConfiguration configuration) throws RunnerException, IOException {
        String name = runName + "-check-" + configuration.name().toLowerCase();
        Path report = logDir.resolve(name + ".jsonl");
        // the agent appends to its report
        Files.deleteIfExists(report);
        new Runner(BenchmarkTable.forkOptions(jvm, configuration.reportingJvmArgs(agentJar, report),
                        logDir.resolve(name + ".log"))
                .include(BenchmarkTable.exactly(MeasuredCall.FILE_READ))
                .mode(Mode.SingleShotTime)
                .warmupIterations(0)
                .measurementIterations(1)
                .build())
                .run();
        List<String> records = Files.exists(report) ? Files.readAllLines(report) : List.of();
        if (records.stream().noneMatch(record -> AGENT_START.matcher(record).find())) {
            throw new IllegalStateException("the agent did not start with the options of \"" + configuration.label
                    + "\": no agent-start record in " + report + " (see " + logDir.resolve(name + ".log") + ")");
        }
        for (String record : records) {
            Matcher thread = THREAD.matcher(record);
            if (BLOCKING_CALL.matcher(record).find() && FILE_READ.matcher(record).find() && thread.find()
                    && thread.group(1).contains("jmh-worker")) {
                return Optional.of(thread.group(1));
            }
        }
        return Optional.empty();
    }
}
