package dev.blockwatch.agent;

import dev.blockwatch.config.BlockwatchOptions;
import dev.blockwatch.report.ReportPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * blockwatch as seen from inside the JVM it runs in, for the public API and the JUnit extension:
 * whether it is active, its pipeline, and starting it here when it is not.
 */
public final class AgentInThisJvm {
    private static final long START_TIMEOUT_SECONDS = 120;
    /** Variables that would load agents or flags into the helper JVM that attaches. */
    private static final List<String> FLAG_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private AgentInThisJvm() {
    }

    /** The options of the active run, or null when blockwatch is off in this JVM. */
    public static BlockwatchOptions activeOptions() {
        return isActive() ? BlockwatchAgent.activeOptions() : null;
    }

    /** The pipeline of the active run, or null when blockwatch is off in this JVM. */
    public static ReportPipeline activePipeline() {
        return isActive() ? BlockwatchAgent.activePipeline() : null;
    }

    /**
     * Read from the status property first: until blockwatch has started, its runtime is not on the
     * bootstrap class path, and the classes that refer to it cannot be loaded.
     */
    private static boolean isActive() {
        return AgentStatus.activeOptions(System.getProperties()) != null;
    }

    /** The pipeline of the active run, after starting blockwatch with its default options if it is off. */
    public static synchronized ReportPipeline activeOrStartedPipeline() {
        ReportPipeline pipeline = activePipeline();
        if (pipeline == null) {
            start("");
            pipeline = activePipeline();
        }
        return pipeline;
    }

    /**
     * Starts blockwatch in this JVM, or gives it new options, and returns once it is active. A JVM
     * may not attach to itself unless started with {@code -Djdk.attach.allowAttachSelf=true}, so a
     * second JVM runs the agent jar's {@code attach} command on this one's pid.
     *
     * @throws IllegalStateException with the reason, one line, when blockwatch did not start
     */
    public static synchronized void start(String options) {
        Path agentJar = agentJar();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", agentJar.toString(), "attach", String.valueOf(ProcessHandle.current().pid())));
        if (!options.isEmpty()) {
            command.add(options);
        }
        ProcessBuilder attach = new ProcessBuilder(command).redirectErrorStream(true);
        FLAG_VARIABLES.forEach(attach.environment()::remove);
        String output;
        int exit;
        try {
            Process process = attach.start();
            process.getOutputStream().close();
            output = readAll(process.getInputStream());
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("blockwatch did not start in this JVM within "
                        + START_TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("blockwatch cannot start in this JVM: running "
                    + String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while blockwatch was starting in this JVM", e);
        }
        if (exit != 0 || activePipeline() == null) {
            throw new IllegalStateException("blockwatch did not start in this JVM: " + lastLine(output)
                    + (exit == 0 ? " (active, but its classes were loaded by another class loader than this"
                    + " code's: put blockwatch-agent.jar on the class path once)" : ""));
        }
    }

    /** The jar this class came from: the agent jar holds the agent, the CLI and the API. */
    private static Path agentJar() {
        Path location;
        try {
            location = Path.of(AgentInThisJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find blockwatch-agent.jar to start blockwatch in this JVM ("
                    + e + "); start the JVM with -javaagent:blockwatch-agent.jar instead");
        }
        if (!Files.isRegularFile(location)) {
            throw new IllegalStateException("blockwatch's classes come from " + location
                    + ", not from blockwatch-agent.jar, so it cannot be started in this JVM; put the agent jar on"
                    + " the class path, or start the JVM with -javaagent:blockwatch-agent.jar");
        }
        return location;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(Charset.defaultCharset());
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines.length == 0 || lines[lines.length - 1].isEmpty() ? "(no output)" : lines[lines.length - 1];
    }
}
