package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches one child JVM of a scenario: a given JDK, the agent with given options or no agent,
 * extra JVM flags and environment variables, and an explicit class path made of this module's test
 * classes plus the jars picked by file-name prefix from the test class path (so that a child without
 * SLF4J really has none). Each child runs once, in a fresh directory under the test's work
 * directory that also holds its captured output and the place for its JSON Lines report; it is
 * killed, and the test failed, when it outlives the timeout. The same launcher runs the agent jar's
 * command line ({@link #runAgentJar}) on a given JDK.
 */
final class ChildJvm {
    static final String AGENT_JAR_PROPERTY = "blockwatch.agent.jar";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final String REPORT_FILE = "report.jsonl";
    private static final String STDOUT_FILE = "stdout.txt";
    private static final String STDERR_FILE = "stderr.txt";
    /** Variables that would add JVM flags or agent options the test did not choose. */
    private static final List<String> INHERITED_FLAG_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CLASSPATH");

    private final Jdk jdk;
    private final Path runDir;
    private final List<String> jvmFlags = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String agentOptions;
    private Duration timeout = DEFAULT_TIMEOUT;

    private ChildJvm(Jdk jdk, Path runDir) {
        this.jdk = jdk;
        this.runDir = runDir;
        classPath.add(testClasses());
    }

    static ChildJvm on(Jdk jdk, Path workDir) {
        try {
            return new ChildJvm(jdk, Files.createTempDirectory(workDir, "child-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the child's report belongs: pass it as {@code json=}, read it with {@link Result#report()}. */
    Path reportFile() {
        return runDir.resolve(REPORT_FILE);
    }

    /** Starts the child with {@code -javaagent:<agent jar>=<options>}. */
    ChildJvm agent(String options) {
        agentOptions = options;
        return this;
    }

    /** Adds a JVM flag, such as {@code -Dblockwatch.threshold=2s} to give an option as a system property. */
    ChildJvm jvmFlag(String flag) {
        jvmFlags.add(flag);
        return this;
    }

    /** Sets a variable in the child's environment, such as {@code BLOCKWATCH_THRESHOLD} to give an option there. */
    ChildJvm environment(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Adds to the class path every test-class-path jar whose file name starts with each prefix. */
    ChildJvm libraries(String... jarNamePrefixes) {
        for (String prefix : jarNamePrefixes) {
            classPath.addAll(libraryJars(prefix));
        }
        return this;
    }

    /** Adds a directory or jar the test made, such as classes it compiled for this child. */
    ChildJvm classPathEntry(Path entry) {
        classPath.add(entry);
        return this;
    }

    /** Puts the agent jar on the class path too, for applications that call the public API. */
    ChildJvm withApi() {
        classPath.add(agentJar());
        return this;
    }

    ChildJvm timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    Result run(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        if (agentOptions != null) {
            command.add("-javaagent:" + agentJar() + "=" + agentOptions);
        }
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(mainClass.getName());
        command.addAll(Arrays.asList(args));
        return launch(command);
    }

    /**
     * Runs the agent jar's command line, {@code java [flags] -jar <agent jar> <args>} (such as
     * {@code attach <pid> threshold=50ms} or {@code list}), to its end on this child's JDK, with the
     * same clean environment, captured output and timeout as {@link #run}; the result's pid is the CLI's.
     */
    Result runAgentJar(String... args) {
        assertTrue(agentOptions == null, "the agent jar's command line runs without -javaagent");
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(agentJar().toString());
        command.addAll(Arrays.asList(args));
        return launch(command);
    }

    /**
     * The child's own directory, its working directory: a test that talks to a running child
     * through files (a ready file, trigger files) finds them here.
     */
    Path directory() {
        return runDir;
    }

    /** What a running (or finished) child has written so far, for failure messages before it ends. */
    String outputSoFar() {
        return "--- stdout so far ---\n" + readIfPresent(runDir.resolve(STDOUT_FILE))
                + "\n--- stderr so far ---\n" + readIfPresent(runDir.resolve(STDERR_FILE));
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file.getFileName() + ")";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private Result launch(List<String> command) {
        try {
            Path stdout = runDir.resolve(STDOUT_FILE);
            Path stderr = runDir.resolve(STDERR_FILE);
            assertTrue(Files.notExists(stdout), "a ChildJvm runs once; make a new one per child");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(runDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            INHERITED_FLAG_VARIABLES.forEach(environment::remove);
            // Options may come from BLOCKWATCH_* variables; a test's options must be the only ones.
            environment.keySet().removeIf(name -> name.startsWith("BLOCKWATCH_"));
            environment.putAll(variables);
            Instant started = Instant.now();
            Process process = builder.start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            Result result = new Result(command, runDir, process.pid(), exited ? process.exitValue() : -1,
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), started, Instant.now());
            if (!exited) {
                fail("the child JVM did not exit within " + timeout.toSeconds() + " s and was killed\n"
                        + result.describe());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child JVM", e);
        }
    }

    /** The agent jar under test, from system property {@value #AGENT_JAR_PROPERTY}; it must exist. */
    static Path agentJar() {
        String property = System.getProperty(AGENT_JAR_PROPERTY);
        assertTrue(property != null && !property.isBlank(), "system property " + AGENT_JAR_PROPERTY
                + " is not set; run these tests through Maven (mvn -pl integration-tests test)");
        Path jar = Path.of(property).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "the agent jar " + jar + " does not exist; build it first"
                + " (mvn -pl agent package, or mvn verify from the root)");
        return jar;
    }

    /** The one test-class-path jar whose file name starts with the prefix, such as {@code slf4j-api-}. */
    static Path libraryJar(String jarNamePrefix) {
        List<Path> jars = libraryJars(jarNamePrefix);
        assertEquals(1, jars.size(), "jars named " + jarNamePrefix + "* on the test class path: " + jars);
        return jars.get(0);
    }

    private static List<Path> libraryJars(String jarNamePrefix) {
        List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(path -> {
                    String name = path.getFileName().toString();
                    return name.startsWith(jarNamePrefix) && name.endsWith(".jar");
                })
                .toList();
        assertTrue(!jars.isEmpty(), "no jar named " + jarNamePrefix + "* on the test class path "
                + System.getProperty("java.class.path"));
        return jars;
    }

    /** This module's compiled test classes, where the test applications live. */
    private static Path testClasses() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a finished child JVM did. */
    record Result(List<String> command, Path directory, long pid, int exitCode, String stdout, String stderr,
                  Instant started, Instant ended) {
        private static final int EXCERPT_CHARS = 6000;

        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        Path reportFile() {
            return directory.resolve(REPORT_FILE);
        }

        Report report() {
            return Report.read(reportFile());
        }

        /** The value of the application's single {@code key=value} line on stdout. */
        String fact(String key) {
            List<String> values = stdoutLines().stream()
                    .filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1))
                    .toList();
            assertEquals(1, values.size(), "lines '" + key + "=...' on the application's stdout\n" + describe());
            return values.get(0);
        }

        Result assertExitedNormally() {
            assertEquals(0, exitCode, "exit code of the child JVM\n" + describe());
            return this;
        }

        /** The command, exit code and output, for failure messages; long output is cut in the middle. */
        String describe() {
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode
                    + "\n--- stdout ---\n" + excerpt(stdout) + "\n--- stderr ---\n" + excerpt(stderr);
        }

        private static String excerpt(String text) {
            if (text.length() <= EXCERPT_CHARS) {
                return text;
            }
            int half = EXCERPT_CHARS / 2;
            return text.substring(0, half) + "\n[... " + (text.length() - EXCERPT_CHARS) + " characters cut ...]\n"
                    + text.substring(text.length() - half);
        }
    }
}
