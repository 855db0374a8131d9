package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.it.apps.NestedJarDriverScenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JDBC in a class loader of the application's own: an H2 driver that only a Spring Boot style
 * nested-jar class loader can load, loaded after the agent started, is instrumented like any
 * other. Its slow statement (a Java function that sleeps 150 ms) is one {@code jdbc} record at
 * the application's line, the sleep inside it included.
 */
class NestedJarDriverTest {
    private static final String LOOP = "selector-loop";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        Path outerJarDir = workDir.resolve("outer-" + jdk.name());
        outerJarDir.toFile().mkdirs();
        return child.agent("threshold=50ms,json=" + child.reportFile())
                .run(NestedJarDriverScenarios.class, ChildJvm.libraryJar("h2-").toString(), outerJarDir.toString())
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void slowStatementOfADriverInANestedJarIsOneJdbcRecord(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals("nested-jar", child.fact("driverLoader.value"), "the driver's class loader");
        assertEquals("called", child.fact("slowStatement@" + LOOP + ".value"));
        DataStoreCall.slow("jdbc", "java.sql.Statement.execute", "CALL SLEEP_MS(?)")
                .assertReportedOnce(child, NestedJarDriverScenarios.class, "slowStatement", LOOP);
    }
}
