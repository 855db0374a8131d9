package dev.blockwatch.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What an agent adds to the start-up of a JVM: the wall time of {@link HelloWorld}, from process start to exit,
 * without an agent, with blockwatch as {@code -javaagent} (default options), and with BlockHound installed first
 * thing in main, as its users start it. The configurations take turns, round after round, so that a neighbour's
 * build slows them alike.
 *
 * <pre>java -cp blockwatch-benchmarks.jar dev.blockwatch.benchmarks.StartupTime --agent JAR [--jvm JAVA]...
 *     [--rounds N]</pre>
 *
 * <p>Exits 0 once it has printed its table, whatever the targets (the table tells); 1 when a measurement fails,
 * with one line that says why; 2 on a bad argument.
 */
public final class StartupTime {
    private static final String USAGE = "usage: java -cp blockwatch-benchmarks.jar " + StartupTime.class.getName()
            + " --agent AGENT_JAR [--jvm JAVA]... [--rounds N]";
    private static final int DEFAULT_ROUNDS = 9;
    private static final double TARGET_ADDED_MILLIS = 300;
    /** Far beyond the slowest start seen here, a few seconds on a busy machine: a launch that takes longer hangs. */
    private static final long LAUNCH_LIMIT_SECONDS = 60;

    private enum Configuration {
        NO_AGENT("no agent"),
        BLOCKWATCH("blockwatch, -javaagent"),
        /**
         * BlockHound renames native methods when it retransforms them, which JDK 13 and later allow only with
         * {@code -XX:+AllowRedefinitionToAddDeleteMethods}; without it {@code install()} throws.
         */
        BLOCKHOUND("BlockHound.install() in main");

        final String label;

        Configuration(String label) {
            this.label = label;
        }

        List<String> command(String java, Path agentJar, Path classes, Path blockHoundJar) {
            return switch (this) {
                case NO_AGENT -> List.of(java, "-cp", classes.toString(), HelloWorld.class.getName());
                case BLOCKWATCH -> List.of(java, "-javaagent:" + agentJar, "-cp", classes.toString(),
                        HelloWorld.class.getName());
                case BLOCKHOUND -> List.of(java, "-XX:+AllowRedefinitionToAddDeleteMethods", "-cp",
                        classes + File.pathSeparator + blockHoundJar, BlockHoundHelloWorld.class.getName());
            };
        }
    }

    private StartupTime() {
    }

    public static void main(String[] args) {
        WholeJvmArguments arguments;
        try {
            arguments = WholeJvmArguments.parse(args, Map.of("--rounds", DEFAULT_ROUNDS));
        } catch (IllegalArgumentException e) {
            System.err.println("startup: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            for (String jvm : arguments.jvms()) {
                measure(jvm, arguments.agentJar(), arguments.number("--rounds"));
            }
        } catch (IOException | IllegalStateException e) {
            System.err.println("startup: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static void measure(String jvm, Path agentJar, int rounds) throws IOException, InterruptedException {
        String jdk = WholeJvmArguments.jdkName(jvm);
        Path target = Path.of(WholeJvmArguments.ownClassPath()).getParent();
        Path classes = extractHelloWorlds(target.resolve("startup-classes"));
        Path blockHoundJar = target.resolve("startup-lib").resolve("blockhound.jar");
        if (!Files.isRegularFile(blockHoundJar)) {
            throw new IllegalStateException("no BlockHound jar at " + blockHoundJar
                    + " (build the benchmarks: mvn -pl benchmarks package)");
        }
        Path logDir = target.resolve("startup-logs");
        Files.createDirectories(logDir);
        Map<Configuration, List<Double>> millis = new EnumMap<>(Configuration.class);
        Map<Configuration, String> failures = new EnumMap<>(Configuration.class);
        Configuration[] configurations = Configuration.values();
        for (int round = 0; round < rounds; round++) {
            System.err.println("[" + jdk + "] start-up round " + (round + 1) + "/" + rounds);
            for (int turn = 0; turn < configurations.length; turn++) {
                Configuration configuration = configurations[(round + turn) % configurations.length];
                if (failures.containsKey(configuration)) {
                    continue;
                }
                Path log = logDir.resolve(jdk + "-" + configuration.name().toLowerCase(Locale.ROOT) + ".log");
                LaunchResult result = launch(configuration.command(jvm, agentJar, classes, blockHoundJar), log);
                if (result.failure() != null) {
                    if (configuration != Configuration.BLOCKHOUND) {
                        throw new IllegalStateException(configuration.label + " on " + jdk + " failed: "
                                + result.failure() + " (output in " + log + ")");
                    }
                    failures.put(configuration, result.failure());
                } else {
                    millis.computeIfAbsent(configuration, key -> new ArrayList<>()).add(result.millis());
                }
            }
        }
        print(jdk, rounds, millis, failures);
    }

    /**
     * Copies the two mains into a class directory of their own: on the benchmarks jar's class path, opening that
     * jar alone would add about 20 ms to every configuration.
     */
    private static Path extractHelloWorlds(Path directory) throws IOException {
        for (Class<?> main : List.of(HelloWorld.class, BlockHoundHelloWorld.class)) {
            String resource = main.getName().replace('.', '/') + ".class";
            Path file = directory.resolve(resource);
            Files.createDirectories(file.getParent());
            try (InputStream in = main.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the benchmarks jar");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return directory;
    }

    private record LaunchResult(double millis, String failure) {
    }

    private static LaunchResult launch(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(LAUNCH_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new LaunchResult(0, "still running after " + LAUNCH_LIMIT_SECONDS + " s");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || !output.contains("hello")) {
            return new LaunchResult(millis, "exit " + process.exitValue() + ": " + firstProblem(output));
        }
        return new LaunchResult(millis, null);
    }

    /** The line that says what went wrong: the first that is not one of the JVM's warnings. */
    private static String firstProblem(List<String> output) {
        return output.stream()
                .filter(line -> !line.isBlank() && !line.startsWith("WARNING:") && !line.contains("VM warning:"))
                .findFirst().orElse("no output");
    }

    private static void print(String jdk, int rounds, Map<Configuration, List<Double>> millis,
                              Map<Configuration, String> failures) {
        System.out.println();
        System.out.printf(Locale.ROOT, "JVM start-up: a hello-world main from process start to exit on %s, %d launches"
                + " of each configuration, taking turns (median ± half-width of its 95%% confidence interval)%n",
                jdk, rounds);
        System.out.printf(Locale.ROOT, "%-30s %16s %8s %8s %18s  %s%n", "configuration", "median ms", "min ms",
                "max ms", "added ms", "target: blockwatch adds ≤ " + (int) TARGET_ADDED_MILLIS + " ms");
        Samples noAgent = Samples.of(millis.get(Configuration.NO_AGENT));
        for (Configuration configuration : Configuration.values()) {
            String failure = failures.get(configuration);
            if (failure != null) {
                System.out.printf(Locale.ROOT, "%-30s cannot run: %s%n", configuration.label, failure);
                continue;
            }
            Samples samples = Samples.of(millis.get(configuration));
            String added = "";
            String verdict = "";
            if (configuration != Configuration.NO_AGENT) {
                double addedMillis = samples.value() - noAgent.value();
                double addedError = Math.hypot(samples.halfWidth(), noAgent.halfWidth());
                added = String.format(Locale.ROOT, "%+.0f ± %.0f", addedMillis, addedError);
                if (configuration == Configuration.BLOCKWATCH) {
                    verdict = VerdictText.of(Verdict.of(addedMillis, addedError, TARGET_ADDED_MILLIS));
                }
            }
            System.out.println(String.format(Locale.ROOT, "%-30s %16s %8.0f %8.0f %18s  %s", configuration.label,
                    String.format(Locale.ROOT, "%.0f ± %.0f", samples.value(), samples.halfWidth()), samples.min(),
                    samples.max(), added, verdict).stripTrailing());
        }
    }
}
