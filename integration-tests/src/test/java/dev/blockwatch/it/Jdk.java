package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JDK that child JVMs run on. The homes come from system property {@value #HOMES_PROPERTY}
 * (comma-separated; the module's pom sets it); every child JVM scenario runs on each of them.
 */
record Jdk(String name, Path home) {
    static final String HOMES_PROPERTY = "blockwatch.jdk.homes";

    /** The parameter source of every scenario test. */
    static List<Jdk> all() {
        String homes = System.getProperty(HOMES_PROPERTY);
        if (homes == null || homes.isBlank()) {
            throw new IllegalStateException("system property " + HOMES_PROPERTY
                    + " is not set; run these tests through Maven (mvn -pl integration-tests test),"
                    + " whose pom lists the JDK homes");
        }
        return Arrays.stream(homes.split(","))
                .map(String::trim)
                .filter(home -> !home.isEmpty())
                .map(home -> new Jdk(label(Path.of(home)), Path.of(home)))
                .toList();
    }

    /** The {@code java} launcher; a JDK that is not installed fails the test here, with its home in the message. */
    Path java() {
        Path java = home.resolve("bin").resolve("java");
        assertTrue(Files.isExecutable(java), "no JDK at " + home + " (" + java + " is missing or not executable);"
                + " install it or change " + HOMES_PROPERTY + " / the it.jdk.homes Maven property");
        return java;
    }

    private static String label(Path home) {
        return javaVersion(home).map(version -> "JDK " + version).orElse("JDK at " + home);
    }

    /** The feature release, such as 17 or 25, from the home's {@code release} file. */
    int feature() {
        String version = javaVersion(home).orElseThrow(() -> new AssertionError("no JAVA_VERSION in "
                + home.resolve("release") + "; cannot tell which release the JDK at " + home + " is"));
        return Integer.parseInt(version.split("[.+-]")[0]);
    }

    /** A tool of the JDK, such as {@code javac} or {@code keytool}; a missing one fails the test here. */
    Path tool(String name) {
        Path tool = home.resolve("bin").resolve(name);
        assertTrue(Files.isExecutable(tool), "the JDK at " + home + " has no " + name + " (" + tool + ")");
        return tool;
    }

    /**
     * Runs a tool of the JDK to its end in the directory, its output kept there in
     * {@code <tool>-output.txt}; a tool that fails, or takes over a minute, fails the test with that output.
     */
    void runTool(Path directory, String name, String... args) {
        List<String> command = new ArrayList<>();
        command.add(tool(name).toString());
        command.addAll(Arrays.asList(args));
        Path output = directory.resolve(name + "-output.txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            if (!exited || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + (exited ? " failed with exit code "
                        + process.exitValue() : " did not end within 60 s") + ":\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** JAVA_VERSION from the home's {@code release} file, such as {@code 17.0.15}. */
    static Optional<String> javaVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(release).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
