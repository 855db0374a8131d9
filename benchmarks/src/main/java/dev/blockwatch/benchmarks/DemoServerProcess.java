package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo server in a JVM of its own on a free loopback port, started the way the root {@code demo} script starts
 * it: it serves until its standard input closes, which {@link #close} does, so that it shuts down normally (its
 * temporary files and the agent's are deleted at exit, the agent writes its summary).
 */
final class DemoServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("(?m)^listening on (\\d+)$");
    /** The server, with the agent, takes 2-5 s to start here on a busy machine. */
    private static final long START_LIMIT_SECONDS = 60;
    private static final long STOP_LIMIT_SECONDS = 20;

    private final Process process;
    private final int port;
    private final long startNanos;

    private DemoServerProcess(Process process, int port, long startNanos) {
        this.process = process;
        this.port = port;
        this.startNanos = startNanos;
    }

    /**
     * @param jvmArgs such as {@code -javaagent:...}, before {@code -jar}
     * @param log     receives the server's standard output and error: its start-up lines, the agent's reports
     */
    static DemoServerProcess start(String java, Path serverJar, List<String> jvmArgs, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", serverJar.toString(), "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // /db then queries the H2 database the server embeds on loopback, never a database named from outside
        builder.environment().remove("DEMO_JDBC_URL");
        long start = System.nanoTime();
        Process process = builder.start();
        long deadline = start + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                return new DemoServerProcess(process, Integer.parseInt(listening.group(1)), System.nanoTime() - start);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo server exited (" + process.exitValue() + ") before it"
                        + " listened: " + problem(log) + " (all of its output in " + log + ")");
            }
            Thread.sleep(50);
        }
        stop(process);
        throw new IllegalStateException("the demo server did not listen within " + START_LIMIT_SECONDS
                + " s (its output in " + log + ")");
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    /** From the process's start to its {@code listening on} line, to within the 50 ms the log is polled at. */
    double startSeconds() {
        return startNanos / 1e9;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The line of the server's output that says what went wrong: its exception, else its last line. */
    private static String problem(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.stream().filter(line -> line.contains("Exception") || line.contains("Error")).findFirst()
                .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
    }
}
