package dev.blockwatch.it.apps;

import dev.blockwatch.it.apps.nested.NestedJarClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A JDBC driver (H2) that only a Spring Boot style nested-jar class loader can load, loaded
 * long after the agent started, and a slow statement through it on a selector loop.
 * Arguments: the H2 jar, and a directory to build the outer jar in.
 */
public final class NestedJarDriverScenarios {
    private NestedJarDriverScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path outerJar = Path.of(args[1], "app.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(outerJar))) {
            jar.putNextEntry(new JarEntry("BOOT-INF/lib/h2.jar"));
            Files.copy(Path.of(args[0]), jar);
            jar.closeEntry();
        }
        ClassLoader nested = new NestedJarClassLoader(outerJar, "BOOT-INF/lib/h2.jar",
                NestedJarDriverScenarios.class.getClassLoader());
        Driver driver = (Driver) nested.loadClass("org.h2.Driver").getConstructor().newInstance();
        try (Connection connection = driver.connect("jdbc:h2:mem:nested", new Properties());
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            Outcome.here(connection.getClass().getClassLoader().getName()).print("driverLoader");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE ALIAS SLEEP_MS FOR 'java.lang.Thread.sleep(long)'");
            }
            loop.call(() -> Outcome.here(slowStatement(connection))).print("slowStatement@selector-loop");
        }
    }

    static String slowStatement(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CALL SLEEP_MS(150)");
        }
        return "called";
    }
}
