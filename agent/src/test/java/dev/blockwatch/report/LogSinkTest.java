package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.config.Category;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log sink's lines on stderr (the test class path has no SLF4J): one line per call, and a
 * site's stack at most once per {@code repeat}.
 */
class LogSinkTest {
    private static final String NL = System.lineSeparator();
    private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);
    private static final String LINE = "blockwatch: 512.3 ms file java.io.FileInputStream.read /var/data/big.bin"
            + " on nioEventLoopGroup-2-1 at com.example.Handler.channelRead(Handler.java:42)";

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalStderr;

    @BeforeEach
    void captureStderr() {
        originalStderr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalStderr);
    }

    private static List<StackWalker.StackFrame> someRealFrames() {
        return StackWalker.getInstance().walk(frames -> frames.limit(3).collect(Collectors.toList()));
    }

    private static String stackLines(SlowCallReport report) {
        return report.stack().stream().map(frame -> NL + "\tat " + frame).collect(Collectors.joining());
    }

    private String written() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCallIsOneLineFollowedByItsStack() {
        SlowCallReport report = new ReportBuilder().frames(someRealFrames()).build();

        new LogSink(TEN_SECONDS).call(report);

        assertEquals(3, report.stack().size());
        assertEquals(LINE + stackLines(report) + NL, written());
    }

    @Test
    void aCallWithoutDetailHasNoGapForIt() {
        new LogSink(TEN_SECONDS).call(new ReportBuilder().call(Category.SLEEP, "java.lang.Thread.sleep", null)
                .durationNanos(25_040_000).build());

        assertEquals("blockwatch: 25.0 ms sleep java.lang.Thread.sleep on nioEventLoopGroup-2-1"
                + " at com.example.Handler.channelRead(Handler.java:42)" + NL, written());
    }

    @Test
    void aCallStillBlockedSaysSo() {
        new LogSink(TEN_SECONDS).call(new ReportBuilder().call(Category.SOCKET, "java.net.Socket.read", "10.0.0.7:5432")
                .durationNanos(5_000_000_000L).inProgress(true).build());

        assertEquals("blockwatch: still blocked after 5000.0 ms socket java.net.Socket.read 10.0.0.7:5432"
                + " on nioEventLoopGroup-2-1 at com.example.Handler.channelRead(Handler.java:42)" + NL, written());
    }

    @Test
    void aSitesStackIsWrittenOncePerRepeatInterval() {
        LogSink sink = new LogSink(TEN_SECONDS);
        SlowCallReport first = new ReportBuilder().callId(1).frames(someRealFrames()).build();
        SlowCallReport second = new ReportBuilder().callId(2).frames(someRealFrames()).build();

        sink.call(first);
        sink.call(second);

        assertEquals(LINE + stackLines(first) + NL + LINE + NL, written());
    }

    @Test
    void anotherSiteOrOperationGetsItsOwnStack() {
        LogSink sink = new LogSink(TEN_SECONDS);
        SlowCallReport first = new ReportBuilder().frames(someRealFrames()).build();
        SlowCallReport otherSite = new ReportBuilder().site("com.example.Other.run(Other.java:7)")
                .frames(someRealFrames()).build();
        SlowCallReport otherOperation = new ReportBuilder().call(Category.FILE, "java.nio.file.Files.readAllBytes",
                "/var/data/big.bin").frames(someRealFrames()).build();

        sink.call(first);
        sink.call(otherSite);
        sink.call(otherOperation);

        String[] lines = written().split(NL);
        assertEquals(3 * 4, lines.length, written());
        assertTrue(lines[4].endsWith("at com.example.Other.run(Other.java:7)"), lines[4]);
        assertTrue(lines[8].contains(" java.nio.file.Files.readAllBytes "), lines[8]);
    }

    @Test
    void aSitesStackIsWrittenAgainOnceRepeatHasPassed() throws InterruptedException {
        LogSink sink = new LogSink(TimeUnit.MILLISECONDS.toNanos(200));
        SlowCallReport report = new ReportBuilder().frames(someRealFrames()).build();

        sink.call(report);
        sink.call(report);
        Thread.sleep(250);
        sink.call(report);

        String withStack = LINE + stackLines(report) + NL;
        assertEquals(withStack + LINE + NL + withStack, written());
    }

    @Test
    void linesGoToTheStderrOfTheMomentTheyAreWritten() {
        LogSink sink = new LogSink(TEN_SECONDS);
        sink.call(new ReportBuilder().build());
        ByteArrayOutputStream laterStderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(laterStderr, true, StandardCharsets.UTF_8));

        sink.call(new ReportBuilder().site("com.example.Later.run(Later.java:3)").build());

        assertEquals("blockwatch: 512.3 ms file java.io.FileInputStream.read /var/data/big.bin"
                        + " on nioEventLoopGroup-2-1 at com.example.Later.run(Later.java:3)" + NL,
                laterStderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSummaryCountsSitesCallsAndDroppedThenListsEachSite() {
        SiteSummary summary = new SiteSummary();
        summary.record("com.example.Handler.channelRead(Handler.java:42)", Category.FILE,
                "java.io.FileInputStream.read", 10_000_000);
        summary.record("com.example.Handler.channelRead(Handler.java:42)", Category.FILE,
                "java.io.FileInputStream.read", 30_000_000);

        new LogSink(TEN_SECONDS).summary(0, summary.figures(), 2);

        String[] lines = written().split(NL);
        assertEquals(2, lines.length, written());
        assertEquals("blockwatch: summary: 1 site, 2 calls, 2 dropped", lines[0]);
        assertTrue(lines[1].startsWith("blockwatch:   2 x file java.io.FileInputStream.read"
                + " at com.example.Handler.channelRead(Handler.java:42) (total 40.0 ms, max 30.0 ms, p50 "), lines[1]);
    }

    @Test
    void theLogStaysQuietAtAgentStart() {
        new LogSink(TEN_SECONDS).agentStarted(0, Map.of("threshold", "20ms"));

        assertEquals("", written());
    }
}
