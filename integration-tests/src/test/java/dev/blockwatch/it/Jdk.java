package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
