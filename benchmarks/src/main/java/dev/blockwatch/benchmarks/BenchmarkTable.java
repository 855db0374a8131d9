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
 * Runs the benchmarks of every {@link Suite} asked for (all by default) in every {@link MeasuredConfiguration} on each
 * JVM asked for and prints what the agent adds per call. The configurations take turns, round after round, so that
 * a noisy neighbour on the machine slows them alike rather than one of them.
 *
 * <pre>java -jar blockwatch-benchmarks.jar --agent AGENT_JAR [--jvm JAVA]... [--rounds N] [--only SUITE]
 *     [--log-dir DIR]</pre>
 */
public final class BenchmarkTable {
    private static final String USAGE =
            "usage: java -jar blockwatch-benchmarks.jar --agent AGENT_JAR [--jvm JAVA]... [--rounds N] "
                    + "[--only jdk|database] [--log-dir DIR]";
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
            System.out.printf("targets: %d met, %d missed, %d over but within the noise%n",
                    verdicts.getOrDefault(Verdict.MET, 0), verdicts.getOrDefault(Verdict.MISSED, 0),
                    verdicts.getOrDefault(Verdict.UNRESOLVED, 0));
        } catch (RunnerException | IOException | IllegalStateException e) {
            System.err.println("benchmarks failed: " + e.getMessage() + " (JMH logs in " + arguments.logDir() + ")");
            System.exit(1);
        }
    }

    private static CostTable measure(String jvm, TableArguments arguments) throws RunnerException, IOException {
        String runName = jdkDirectoryName(jvm);
        progress(runName, "checking which threads the agent watches");
        List<String> workers = ThreadWatchCheck.verify(jvm, arguments.agentJar(), arguments.logDir(), runName);
        progress(runName, "the agent watches the JMH workers " + String.join(", ", workers)
                + " only with thread-names set");
        List<MeasuredCall> calls = MeasuredCall.of(arguments.suites());
        CostTable table = new CostTable(arguments.rounds(), MEASUREMENT_ITERATIONS, ITERATION_TIME);
        if (arguments.suites().contains(Suite.DATABASE)) {
            progress(runName, "counting what the agent records for a database call on a watched thread");
            RecordsPerCall.describe(jvm, arguments.agentJar(), arguments.logDir(), runName,
                    MeasuredCall.of(EnumSet.of(Suite.DATABASE))).forEach(table::addNote);
        }
        MeasuredConfiguration[] configurations = MeasuredConfiguration.values();
        for (int round = 0; round < arguments.rounds(); round++) {
            for (int turn = 0; turn < configurations.length; turn++) {
                // each round starts with the next configuration, so none is always first after a JVM start
                MeasuredConfiguration configuration = configurations[(round + turn) % configurations.length];
                progress(runName, "round " + (round + 1) + "/" + arguments.rounds() + ": " + configuration.label);
                Path log = arguments.logDir().resolve(runName + "-round" + (round + 1) + "-"
                        + configuration.name().toLowerCase() + ".log");
                for (RunResult result : new Runner(
                        forkOptions(jvm, configuration.measuringJvmArgs(arguments.agentJar()), log)
                                .include(exactly(calls))
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

    private record TableArguments(Path agentJar, List<String> jvms, int rounds, Set<Suite> suites, Path logDir) {
        static TableArguments parse(String[] args) {
            Path agentJar = null;
            List<String> jvms = new ArrayList<>();
            int rounds = 4;
            Set<Suite> suites = EnumSet.allOf(Suite.class);
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
                    case "--rounds" -> rounds = positive(name, value);
                    case "--only" -> suites = EnumSet.of(Suite.named(value));
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
            return new TableArguments(agentJar, List.copyOf(jvms), rounds, suites, logDir);
        }

        private static int positive(String name, String value) {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number <= 0) {
                throw new IllegalArgumentException(name + " needs a positive whole number, not " + value);
            }
            return number;
        }
    }
}
