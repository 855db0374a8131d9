package dev.blockwatch.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time from the start of {@code java -jar blockwatch-agent.jar attach <pid>} to its return, which it does once the
 * instrumentation is active in the target, and from the start of {@code detach <pid>} to its return, once every
 * class has its own bytecode back, for each pair of command JDK and target JDK. Each round attaches to a fresh idle
 * server JVM and detaches again.
 *
 * <pre>java -cp blockwatch-benchmarks.jar dev.blockwatch.benchmarks.AttachTime --agent JAR [--jvm JAVA]...
 *     [--rounds N]</pre>
 *
 * <p>Exits 0 once it has printed its table, whatever the targets (the table tells); 1 when a measurement fails,
 * with one line that says why; 2 on a bad argument.
 */
public final class AttachTime {
    private static final String USAGE = "usage: java -cp blockwatch-benchmarks.jar " + AttachTime.class.getName()
            + " --agent AGENT_JAR [--jvm JAVA]... [--rounds N]";
    private static final int DEFAULT_ROUNDS = 5;
    private static final long ATTACH_TARGET_MILLIS = 1500;
    /** Far over any attach seen here: a command that takes longer hangs. */
    private static final long COMMAND_LIMIT_SECONDS = 60;

    private AttachTime() {
    }

    public static void main(String[] args) {
        WholeJvmArguments arguments;
        try {
            arguments = WholeJvmArguments.parse(args, Map.of("--rounds", DEFAULT_ROUNDS));
        } catch (IllegalArgumentException e) {
            System.err.println("attach: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            measure(arguments);
        } catch (IOException | IllegalStateException e) {
            System.err.println("attach: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static void measure(WholeJvmArguments arguments) throws IOException, InterruptedException {
        String agentJar = arguments.agentJar().toString();
        String classPath = WholeJvmArguments.ownClassPath();
        int rounds = arguments.number("--rounds");
        record Row(String commandJdk, String targetJdk, Samples attach, Samples detach) {
        }
        List<Row> rows = new ArrayList<>();
        for (String commandJvm : arguments.jvms()) {
            for (String targetJvm : arguments.jvms()) {
                List<Double> attachMillis = new ArrayList<>();
                List<Double> detachMillis = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    System.err.println("[" + WholeJvmArguments.jdkName(commandJvm) + " -> "
                            + WholeJvmArguments.jdkName(targetJvm) + "] attach round " + (round + 1) + "/" + rounds);
                    double[] millis = attachAndDetach(agentJar, classPath, commandJvm, targetJvm);
                    attachMillis.add(millis[0]);
                    detachMillis.add(millis[1]);
                }
                rows.add(new Row(WholeJvmArguments.jdkName(commandJvm), WholeJvmArguments.jdkName(targetJvm),
                        Samples.of(attachMillis), Samples.of(detachMillis)));
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "attach and detach: from the command's start to its return, into a fresh idle"
                + " JVM each round, %d rounds (median ± half-width of its 95%% confidence interval, min-max)%n",
                rounds);
        System.out.printf(Locale.ROOT, "%-26s %-26s %26s %26s  %s%n", "command JDK", "target JDK", "attach ms",
                "detach ms", "target: attach ≤ " + ATTACH_TARGET_MILLIS + " ms");
        for (Row row : rows) {
            Verdict verdict = Verdict.of(row.attach().value(), row.attach().halfWidth(), ATTACH_TARGET_MILLIS);
            System.out.printf(Locale.ROOT, "%-26s %-26s %26s %26s  %s%n", row.commandJdk(), row.targetJdk(),
                    millis(row.attach()), millis(row.detach()), VerdictText.of(verdict));
        }
    }

    private static String millis(Samples samples) {
        return String.format(Locale.ROOT, "%.0f ± %.0f (%.0f-%.0f)", samples.value(), samples.halfWidth(),
                samples.min(), samples.max());
    }

    /** @return the milliseconds of the attach command, then of the detach command */
    private static double[] attachAndDetach(String agentJar, String classPath, String commandJvm, String targetJvm)
            throws IOException, InterruptedException {
        Process target = new ProcessBuilder(targetJvm, "-cp", classPath, IdleServerLoop.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
            if (!"ready".equals(lines.readLine())) {
                throw new IllegalStateException("the target JVM " + targetJvm + " did not start");
            }
            String pid = Long.toString(target.pid());
            double attachMillis = timed(commandJvm, "-jar", agentJar, "attach", pid, "log=false,summary=off");
            double detachMillis = timed(commandJvm, "-jar", agentJar, "detach", pid);
            return new double[] {attachMillis, detachMillis};
        } finally {
            // a normal exit, not a kill: the attached agent's temporary bootstrap jar is deleted at exit
            target.destroy();
            if (!target.waitFor(COMMAND_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                target.destroyForcibly().waitFor();
            }
        }
    }

    /** Runs one CLI command and returns its wall time in milliseconds; fails on a non-zero exit. */
    private static double timed(String... command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // the output is a line or two, which the pipe holds until the command has exited
        if (!process.waitFor(COMMAND_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " still running after "
                    + COMMAND_LIMIT_SECONDS + " s");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
        }
        return millis;
    }
}
