package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks of every {@link Suite} asked for (all by default), or the calls asked for, in every
 * {@link MeasuredConfiguration} that measures them on each JVM asked for, and prints what the agent and its peers add
 * per call. The configurations take turns, round after round, so that a noisy neighbour on the machine slows them
 * alike rather than one of them.
 *
 * <pre>java -jar blockwatch-benchmarks.jar --agent AGENT_JAR [--jvm JAVA]... [--rounds N]
 *     [--only SUITE | --call METHOD...] [--log-dir DIR]</pre>
 */
public final class BenchmarkTable {
    private static final String USAGE =
            "usage: java -jar blockwatch-benchmarks.jar --agent AGENT_JAR [--jvm JAVA]... [--rounds N] "
                    + "[--only jdk|database | --call METHOD...] [--log-dir DIR]";
    private static final int WARMUP_ITERATIONS = 2;
    private static final int MEASUREMENT_ITERATIONS = 4;
    private static final TimeValue ITERATION_TIME = TimeValue.milliseconds(400);

    private BenchmarkTable() {
    }

    public static void main(String[] args) {
        TableArguments arguments;
        try {
            arguments = TableArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Optional<String> serverProblem = arguments.suites().contains(Suite.DATABASE)
                ? LocalServers.problem() : Optional.empty();
        if (serverProblem.isPresent()) {
            System.err.println("benchmarks failed: " + serverProblem.get());
            System.exit(1);
            return;
        }
        try {
            Files.createDirectories(arguments.logDir());
            List<CostTable> tables = new ArrayList<>();
            for (String jvm : arguments.jvms()) {
                tables.add(measure(jvm, arguments));
            }
            Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
            for (CostTable table : tables) {
                System.out.println();
                for (Verdict verdict : table.print(System.out)) {
                    verdicts.merge(verdict, 1, Integer::sum);
                }
            }
            System.out.println();
            int notMeasured = verdicts.getOrDefault(Verdict.NOT_MEASURED, 0);
            System.out.printf("targets: %d met, %d missed, %d over but within the noise%s%n",
                    verdicts.getOrDefault(Verdict.MET, 0), verdicts.getOrDefault(Verdict.MISSED, 0),
                    verdicts.getOrDefault(Verdict.UNRESOLVED, 0),
                    notMeasured > 0 ? ", " + notMeasured + " not measured (a peer could not run)" : "");
        } catch (RunnerException | IOException | IllegalStateException e) {
            System.err.println("benchmarks failed: " + e.getMessage() + " (JMH logs in " + arguments.logDir() + ")");
            System.exit(1);
        }
    }

    private static CostTable measure(String jvm, TableArguments arguments) throws RunnerException, IOException {
        List<MeasuredCall> calls = arguments.calls();
        for (MeasuredCall call : calls) {
            if (!call.peers.configurations().isEmpty() && !call.takesPeerState()) {
                throw new IllegalStateException(call.benchmarkName() + " has peer rows but does not take the Peer "
                        + "state, so nothing would install the peer in them");
            }
        }
        String runName = jdkDirectoryName(jvm);
        progress(runName, "checking which threads the agent watches");
        List<String> workers = ThreadWatchCheck.verify(jvm, arguments.agentJar(), arguments.logDir(), runName);
        progress(runName, "the agent watches the JMH workers " + String.join(", ", workers)
                + " only with thread-names set");
        CostTable table = new CostTable(arguments.rounds(), MEASUREMENT_ITERATIONS, ITERATION_TIME);
        List<MeasuredCall> databaseCalls = calls.stream().filter(call -> call.suite == Suite.DATABASE).toList();
        if (!databaseCalls.isEmpty()) {
            progress(runName, "counting what the agent records for a database call on a watched thread");
            RecordsPerCall.describe(jvm, arguments.agentJar(), arguments.logDir(), runName, databaseCalls)
                    .forEach(table::addNote);
        }
        List<MeasuredConfiguration> configurations = runnable(jvm, arguments, runName, calls, table);
        for (int round = 0; round < arguments.rounds(); round++) {
            for (int turn = 0; turn < configurations.size(); turn++) {
                // each round starts with the next configuration, so none is always first after a JVM start
                MeasuredConfiguration configuration = configurations.get((round + turn) % configurations.size());
                List<MeasuredCall> measured = calls.stream().filter(call -> call.measuredIn(configuration)).toList();
                progress(runName, "round " + (round + 1) + "/" + arguments.rounds() + ": " + configuration.label
                        + " (" + measured.size() + " calls)");
                Path log = arguments.logDir().resolve(runName + "-round" + (round + 1) + "-"
                        + configuration.name().toLowerCase() + ".log");
                for (RunResult result : new Runner(
                        forkOptions(jvm, configuration.measuringJvmArgs(arguments.agentJar()), log)
                                .include(exactly(measured))
                                .warmupIterations(WARMUP_ITERATIONS)
                                .warmupTime(ITERATION_TIME)
                                .measurementIterations(MEASUREMENT_ITERATIONS)
                                .measurementTime(ITERATION_TIME)
                                .addProfiler(GCProfiler.class)
                                .build())
                        .run()) {
                    table.add(configuration, result);
                }
            }
        }
        return table;
    }

    /**
     * The configurations that measure at least one of {@code calls} and can run on {@code jvm}; a peer that
     * cannot is recorded in {@code table} with the reason, and the run goes on without it.
     */
    private static List<MeasuredConfiguration> runnable(String jvm, TableArguments arguments, String runName,
                                                        List<MeasuredCall> calls, CostTable table)
            throws IOException {
        List<MeasuredConfiguration> configurations = new ArrayList<>();
        Optional<String> blockHoundProblem = Optional.empty();
        boolean blockHoundProbed = false;
        for (MeasuredConfiguration configuration : MeasuredConfiguration.values()) {
            if (calls.stream().noneMatch(call -> call.measuredIn(configuration))) {
                continue;
            }
            if (configuration.isBlockHound()) {
                if (!blockHoundProbed) {
                    progress(runName, "checking that BlockHound runs on this JVM");
                    blockHoundProblem = probeBlockHound(jvm, arguments, runName);
                    blockHoundProbed = true;
                    blockHoundProblem.ifPresent(problem -> progress(runName, problem + "; its rows are left out"));
                }
                if (blockHoundProblem.isPresent()) {
                    table.peerUnavailable(configuration, blockHoundProblem.get());
                    continue;
                }
            }
            configurations.add(configuration);
        }
        return configurations;
    }

    private static Optional<String> probeBlockHound(String jvm, TableArguments arguments, String runName)
            throws IOException {
        try {
            return BlockHoundProbe.problem(jvm, arguments.agentJar(),
                    arguments.logDir().resolve(runName + "-blockhound-probe.log"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking that BlockHound runs");
        }
    }

    /** Options every forked benchmark JVM shares; the JVM's arguments never depend on how this one was started. */
    static ChainedOptionsBuilder forkOptions(String jvm, List<String> agentArgs, Path log) {
        return new OptionsBuilder()
                .jvm(jvm)
                // a fixed heap, so that no configuration differs in heap sizing
                .jvmArgs("-Xms256m", "-Xmx256m")
                .jvmArgsAppend(agentArgs.toArray(String[]::new))
                .forks(1)
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(true)
                .output(log.toString());
    }

    static String exactly(Collection<MeasuredCall> calls) {
        return calls.stream().map(call -> Pattern.quote(call.benchmarkName()))
                .collect(Collectors.joining("|", "^(", ")$"));
    }

    /** {@code java-17-openjdk-amd64} for {@code /usr/bin/java}, through its links. */
    private static String jdkDirectoryName(String jvm) throws IOException {
        Path home = Paths.get(jvm).toRealPath().getParent().getParent();
        return home.getFileName().toString();
    }

    private static void progress(String runName, String message) {
        System.err.println("[" + runName + "] " + message);
    }

    /** @param calls the calls to measure, in the order of {@link MeasuredCall} */
    private record TableArguments(Path agentJar, List<String> jvms, int rounds, List<MeasuredCall> calls,
                                  Path logDir) {
        static TableArguments parse(String[] args) {
            Path agentJar = null;
            List<String> jvms = new ArrayList<>();
            // 3 keeps everything benchmarks/run runs by default (both suites, one JDK) under 15 minutes on 2 cores
            int rounds = 3;
            Optional<Suite> suite = Optional.empty();
            Set<MeasuredCall> chosenCalls = EnumSet.noneOf(MeasuredCall.class);
            Path logDir = Paths.get("jmh-logs");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("missing value after " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--agent" -> agentJar = Paths.get(value).toAbsolutePath();
                    case "--jvm" -> jvms.add(value);
                    case "--rounds" -> rounds = WholeJvmArguments.positive(name, value);
                    case "--only" -> suite = Optional.of(Suite.named(value));
                    case "--call" -> chosenCalls.add(MeasuredCall.named(value));
                    case "--log-dir" -> logDir = Paths.get(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown argument " + name);
                }
            }
            if (agentJar == null) {
                throw new IllegalArgumentException("--agent is required");
            }
            if (!Files.isRegularFile(agentJar)) {
                throw new IllegalArgumentException("no agent jar at " + agentJar);
            }
            if (jvms.isEmpty()) {
                jvms.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            }
            if (suite.isPresent() && !chosenCalls.isEmpty()) {
                throw new IllegalArgumentException("--only and --call cannot be given together");
            }
            List<MeasuredCall> calls = !chosenCalls.isEmpty() ? List.copyOf(chosenCalls)
                    : MeasuredCall.of(suite.map(EnumSet::of).orElseGet(() -> EnumSet.allOf(Suite.class)));
            return new TableArguments(agentJar, List.copyOf(jvms), rounds, calls, logDir);
        }

        Set<Suite> suites() {
            return calls.stream().map(call -> call.suite)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Suite.class)));
        }
    }
}
