package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether BlockHound runs on a JVM, asked before its rows are measured there: BlockHound hooks JDK internals that
 * change from one JDK to the next, and a JDK it cannot run on is a fact for the table, not a reason to lose the
 * run. In a JVM of its own, started as the BlockHound rows' forks are, it installs BlockHound as the non-blocking
 * row does and checks that a {@code Thread.sleep(0)} on a thread named like a JMH worker reaches the callback.
 */
final class BlockHoundProbe {
    private static final String CANNOT_RUN = "BlockHound cannot run on this JVM: ";
    private static final long TIMEOUT_SECONDS = 60;

    private BlockHoundProbe() {
    }

    /** The probe, in the probed JVM: exit 0 when BlockHound works, else 1 after one line saying why. */
    public static void main(String[] args) throws InterruptedException {
        Thread.currentThread().setName("probe-jmh-worker");
        try {
            Peer.installBlockHound(true);
        } catch (RuntimeException | LinkageError e) {
            System.out.println(CANNOT_RUN + firstLine(String.valueOf(e.getMessage())));
            System.exit(1);
        }
        Thread.sleep(0);
        if (Peer.blockHoundCallbacks() == 0) {
            System.out.println(CANNOT_RUN + "installed, but it did not see Thread.sleep on a non-blocking thread");
            System.exit(1);
        }
    }

    /**
     * @param output where the probe's output goes
     * @return why BlockHound cannot run on {@code jvm}, in one line, or nothing when it can
     */
    static Optional<String> problem(String jvm, Path agentJar, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jvm));
        command.addAll(MeasuredConfiguration.BLOCKHOUND_NON_BLOCKING.measuringJvmArgs(agentJar));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BlockHoundProbe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!probe.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            return Optional.of(CANNOT_RUN + "installing it took over " + TIMEOUT_SECONDS + " s");
        }
        if (probe.exitValue() == 0) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(output);
        // the probe's own line, else the JVM's reason for not starting (an unknown -XX flag, say)
        return Optional.of(lines.stream().filter(line -> line.startsWith(CANNOT_RUN)).findFirst()
                .orElse(CANNOT_RUN + lines.stream().filter(line -> !line.isBlank() && !line.contains("warning"))
                        .findFirst().orElse("exit " + probe.exitValue())));
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}
