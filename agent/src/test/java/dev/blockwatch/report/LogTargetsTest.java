package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the log sink writes for an application class loader that has SLF4J with slf4j-simple
 * (which writes to stderr): its jars are kept off the test class path and loaded here, as an
 * application's own.
 */
class LogTargetsTest {
    private static URLClassLoader application;

    @BeforeAll
    static void loadApplicationsSlf4j() throws MalformedURLException {
        String jars = System.getProperty("blockwatch.test.slf4j.jars");
        URL[] urls = Arrays.stream(jars.split(",")).map(jar -> {
            try {
                return Path.of(jar).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jar, e);
            }
        }).toArray(URL[]::new);
        application = new URLClassLoader("application", urls, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws Exception {
        application.close();
    }

    @Test
    void theApplicationsLoggerIsUsed() {
        LogTargets.LogTarget target = new LogTargets().forLoader(application);

        assertEquals("[main] WARN blockwatch - blockwatch: a line\n", writtenBy(target, "blockwatch: a line"));
    }

    /** Seen at threshold 0: the lines went to plain stderr from the first collection on. */
    @Test
    void theApplicationsLoggerIsStillUsedAfterGarbageCollections() {
        LogTargets.LogTarget target = new LogTargets().forLoader(application);
        writtenBy(target, "blockwatch: before");
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertEquals("[main] WARN blockwatch - blockwatch: after\n", writtenBy(target, "blockwatch: after"));
    }

    @Test
    void aLoaderWithoutSlf4jWritesToStderr() {
        LogTargets.LogTarget target = new LogTargets().forLoader(ClassLoader.getPlatformClassLoader());

        assertEquals("blockwatch: plain\n", writtenBy(target, "blockwatch: plain"));
    }

    private static String writtenBy(LogTargets.LogTarget target, String message) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            target.warn(message);
        } finally {
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
