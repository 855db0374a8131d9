package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where the log sink writes: this test class path has SLF4J with slf4j-simple, which writes to stderr. */
class LogTargetsTest {
    @Test
    void theApplicationsLoggerIsUsed() {
        LogTargets.LogTarget target = new LogTargets().forLoader(LogTargetsTest.class.getClassLoader());

        assertEquals("[main] WARN blockwatch - blockwatch: a line\n", writtenBy(target, "blockwatch: a line"));
    }

    /** Seen at threshold 0: the lines went to plain stderr from the first collection on. */
    @Test
    void theApplicationsLoggerIsStillUsedAfterGarbageCollections() {
        LogTargets.LogTarget target = new LogTargets().forLoader(LogTargetsTest.class.getClassLoader());
        writtenBy(target, "blockwatch: before");
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertEquals("[main] WARN blockwatch - blockwatch: after\n", writtenBy(target, "blockwatch: after"));
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
