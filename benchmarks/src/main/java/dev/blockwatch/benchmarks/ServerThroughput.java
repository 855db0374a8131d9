package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the agent costs a server: the demo server's {@code /fast}, which blocks nowhere, under a closed-loop
 * {@link HttpLoad} from this JVM, without the agent, with it (default options, {@code threshold=20ms}) and with
 * {@code threads=all}; each configuration in a fresh server JVM, the configurations taking turns round after round.
 * It also reads the CPU time of the agent's own threads ({@code blockwatch-*}) with the server idle and under load.
 *
 * <pre>java -cp blockwatch-benchmarks.jar dev.blockwatch.benchmarks.ServerThroughput --agent JAR [--jvm JAVA]...
 *     [--rounds N] [--connections N] [--warmup-seconds S] [--seconds S] [--idle-seconds S]</pre>
 *
 * <p>Exits 0 once it has printed its table, whatever the targets (the table tells); 1 when a measurement fails,
 * with one line that says why; 2 on a bad argument.
 */
public final class ServerThroughput {
    private static final String USAGE = "usage: java -cp blockwatch-benchmarks.jar " + ServerThroughput.class.getName()
            + " --agent AGENT_JAR [--jvm JAVA]... [--rounds N] [--connections N] [--warmup-seconds S] [--seconds S]"
            + " [--idle-seconds S]";
    private static final String PATH = "/fast";
    private static final String AGENT_THREAD_PREFIX = "blockwatch-";
    private static final String ROW = "%-27s %21s %8s %7s %16s %8s %18s %11s%n";
    /** The agent may cost at most this share of the requests per second... */
    private static final double MAX_THROUGHPUT_LOSS_PERCENT = 3;
    /** ...and add at most this share to the 99th percentile latency. */
    private static final double MAX_P99_ADDED_PERCENT = 5;

    private enum Configuration {
        NO_AGENT("no agent", null),
        AGENT("blockwatch, threshold=20ms", "threshold=20ms"),
        ALL_THREADS("blockwatch, threads=all", "threshold=20ms,threads=all");

        final String label;
        /** Null without the agent. */
        final String agentOptions;

        Configuration(String label, String agentOptions) {
            this.label = label;
            this.agentOptions = agentOptions;
        }

        List<String> jvmArgs(Path agentJar) {
            // a fixed heap, so that no configuration differs in heap sizing
            List<String> args = new ArrayList<>(List.of("-Xms256m", "-Xmx256m"));
            if (agentOptions != null) {
                args.add("-javaagent:" + agentJar + "=" + agentOptions);
            }
            return args;
        }
    }

    /** What one configuration measured, round after round. */
    private static final class Measured {
        final List<Double> requestsPerSecond = new ArrayList<>();
        final List<Double> p50Micros = new ArrayList<>();
        final List<Double> p99Micros = new ArrayList<>();
        long idleAgentTicks;
        long idleNanos;
        long loadAgentTicks;
        long loadServerTicks;
        long loadNanos;
    }

    private ServerThroughput() {
    }

    public static void main(String[] args) {
        WholeJvmArguments arguments;
        Map<String, Integer> defaults = new LinkedHashMap<>();
        // 2-3 minutes on 2 busy cores: 8 s of load per configuration and round, 3 s idle with the agent, and the
        // server starts, which take 3-9 s each with the agent here
        defaults.put("--rounds", 3);
        defaults.put("--connections", 4);
        defaults.put("--warmup-seconds", 3);
        defaults.put("--seconds", 5);
        defaults.put("--idle-seconds", 3);
        try {
            arguments = WholeJvmArguments.parse(args, defaults);
        } catch (IllegalArgumentException e) {
            System.err.println("throughput: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            Path target = Path.of(WholeJvmArguments.ownClassPath()).getParent();
            Path serverJar = target.getParent().getParent()
                    .resolve("demo-server/target/blockwatch-demo-server.jar");
            if (!Files.isRegularFile(serverJar)) {
                throw new IllegalStateException("no demo server jar at " + serverJar
                        + " (build it: mvn -pl demo-server -am package -DskipTests)");
            }
            Path logDir = target.resolve("throughput-logs");
            Files.createDirectories(logDir);
            ProcessCpu cpu = ProcessCpu.open();
            for (String jvm : arguments.jvms()) {
                measure(jvm, serverJar, logDir, cpu, arguments);
            }
        } catch (IOException | IllegalStateException e) {
            System.err.println("throughput: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static void measure(String jvm, Path serverJar, Path logDir, ProcessCpu cpu,
                                WholeJvmArguments arguments) throws IOException, InterruptedException {
        String jdk = WholeJvmArguments.jdkName(jvm);
        int rounds = arguments.number("--rounds");
        Map<Configuration, Measured> measured = new EnumMap<>(Configuration.class);
        Configuration[] configurations = Configuration.values();
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < configurations.length; turn++) {
                // each round starts with the next configuration, so none is always first after the others' load
                Configuration configuration = configurations[(round + turn) % configurations.length];
                Path log = logDir.resolve(jdk + "-" + configuration.name().toLowerCase(Locale.ROOT) + ".log");
                try (DemoServerProcess server = DemoServerProcess.start(jvm, serverJar,
                        configuration.jvmArgs(arguments.agentJar()), log)) {
                    System.err.printf(Locale.ROOT, "[%s] throughput round %d/%d: %s (the server listened after"
                            + " %.1f s)%n", jdk, round + 1, rounds, configuration.label, server.startSeconds());
                    measureOnce(server, configuration, cpu, arguments,
                            measured.computeIfAbsent(configuration, key -> new Measured()));
                }
            }
        }
        print(jdk, arguments, measured, cpu);
    }

    private static void measureOnce(DemoServerProcess server, Configuration configuration, ProcessCpu cpu,
                                    WholeJvmArguments arguments, Measured measured)
            throws IOException, InterruptedException {
        long pid = server.pid();
        if (configuration.agentOptions != null) {
            long idleNanos = TimeUnit.SECONDS.toNanos(arguments.number("--idle-seconds"));
            long ticks = cpu.threadTicks(pid, AGENT_THREAD_PREFIX);
            long start = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(idleNanos);
            measured.idleAgentTicks += cpu.threadTicks(pid, AGENT_THREAD_PREFIX) - ticks;
            measured.idleNanos += System.nanoTime() - start;
        }
        HttpLoad load = HttpLoad.start(server.port(), PATH, arguments.number("--connections"),
                TimeUnit.SECONDS.toNanos(arguments.number("--warmup-seconds")),
                TimeUnit.SECONDS.toNanos(arguments.number("--seconds")));
        sleepUntil(load.measureStart());
        long agentTicks = cpu.threadTicks(pid, AGENT_THREAD_PREFIX);
        long serverTicks = cpu.processTicks(pid);
        long start = System.nanoTime();
        sleepUntil(load.measureEnd());
        measured.loadAgentTicks += cpu.threadTicks(pid, AGENT_THREAD_PREFIX) - agentTicks;
        measured.loadServerTicks += cpu.processTicks(pid) - serverTicks;
        measured.loadNanos += System.nanoTime() - start;
        HttpLoad.Result result = load.await();
        measured.requestsPerSecond.add(result.requestsPerSecond());
        measured.p50Micros.add(result.latencies().percentile(50) / 1000);
        measured.p99Micros.add(result.latencies().percentile(99) / 1000);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(Math.max(0, nanoTime - System.nanoTime()));
    }

    private static void print(String jdk, WholeJvmArguments arguments, Map<Configuration, Measured> measured,
                              ProcessCpu cpu) {
        System.out.println();
        System.out.printf(Locale.ROOT, "server throughput: the demo server's %s (Netty, one event loop) on %s under %d"
                        + " keep-alive connections from one load generator, each sending its next request when the"
                        + " last is answered; %d s warm-up, then %d s measured; %d rounds, the configurations taking"
                        + " turns, each in a fresh server JVM (medians of the rounds, min-max)%n",
                PATH, jdk, arguments.number("--connections"), arguments.number("--warmup-seconds"),
                arguments.number("--seconds"), arguments.number("--rounds"));
        System.out.printf(Locale.ROOT, "the load generator and the server share this machine's %d cores (nothing"
                + " pinned): the figures are this machine's; compare the rows%n",
                Runtime.getRuntime().availableProcessors());
        System.out.println("CPU in % of one core, user + system time from /proc; the agent's threads are those named"
                + " " + AGENT_THREAD_PREFIX + "*");
        System.out.printf(Locale.ROOT, ROW, "configuration", "requests/s", "vs none", "p50 µs", "p99 µs", "vs none",
                "agent threads CPU", "server CPU");
        System.out.printf(Locale.ROOT, ROW, "", "(min-max)", "", "", "(min-max)", "", "idle / under load",
                "under load");
        Measured none = measured.get(Configuration.NO_AGENT);
        Samples noneRate = Samples.of(none.requestsPerSecond);
        Samples noneP99 = Samples.of(none.p99Micros);
        List<String> verdicts = new ArrayList<>();
        for (Configuration configuration : Configuration.values()) {
            Measured m = measured.get(configuration);
            Samples rate = Samples.of(m.requestsPerSecond);
            Samples p50 = Samples.of(m.p50Micros);
            Samples p99 = Samples.of(m.p99Micros);
            String rateVsNone = "";
            String p99VsNone = "";
            String agentCpu = "-";
            if (configuration != Configuration.NO_AGENT) {
                double ratePercent = 100 * rate.value() / noneRate.value();
                double p99Percent = 100 * (p99.value() / noneP99.value() - 1);
                rateVsNone = String.format(Locale.ROOT, "%.1f%%", ratePercent);
                p99VsNone = String.format(Locale.ROOT, "%+.1f%%", p99Percent);
                Verdict rateVerdict = Verdict.of(100 - ratePercent,
                        100 * Math.hypot(rate.halfWidth() / rate.value(), noneRate.halfWidth() / noneRate.value()),
                        MAX_THROUGHPUT_LOSS_PERCENT);
                Verdict p99Verdict = Verdict.of(p99Percent,
                        100 * Math.hypot(p99.halfWidth() / p99.value(), noneP99.halfWidth() / noneP99.value()),
                        MAX_P99_ADDED_PERCENT);
                verdicts.add(String.format(Locale.ROOT, "%s: requests/s ≥ %.0f%% of no agent: %s (%s); p99 within"
                                + " %.0f%%: %s (%s)", configuration.label, 100 - MAX_THROUGHPUT_LOSS_PERCENT,
                        VerdictText.of(rateVerdict), rateVsNone, MAX_P99_ADDED_PERCENT, VerdictText.of(p99Verdict),
                        p99VsNone));
                agentCpu = String.format(Locale.ROOT, "%.2f / %.2f",
                        cpu.percentOfOneCore(m.idleAgentTicks, m.idleNanos),
                        cpu.percentOfOneCore(m.loadAgentTicks, m.loadNanos));
            }
            System.out.printf(Locale.ROOT, ROW, configuration.label,
                    String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", rate.value(), rate.min(), rate.max()),
                    rateVsNone, String.format(Locale.ROOT, "%.0f", p50.value()),
                    String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", p99.value(), p99.min(), p99.max()),
                    p99VsNone, agentCpu,
                    String.format(Locale.ROOT, "%.0f", cpu.percentOfOneCore(m.loadServerTicks, m.loadNanos)));
        }
        System.out.println("targets:");
        verdicts.forEach(verdict -> System.out.println("  " + verdict));
        System.out.printf(Locale.ROOT, "  no agent's own rounds spread over %.0f-%.0f requests/s and %.0f-%.0f µs at"
                + " p99: differences within that are noise%n", noneRate.min(), noneRate.max(), noneP99.min(),
                noneP99.max());
    }
}
