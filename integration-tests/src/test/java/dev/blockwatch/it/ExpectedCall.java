package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a final blocking-call record must say about one call the test application made: every field
 * of DESIGN.md's record is checked against what the application printed and the scenario's timing.
 * {@code firstFrame}, when not null, is the instrumented method the stack must start with;
 * {@code throughLibrary} allows the frames of the client libraries the application called (a JDBC
 * driver, a pool, a Redis client) between the instrumented method and the site, besides the JDK's.
 */
record ExpectedCall(String category, String operation, String detail, String thread, long threadId,
                    Class<?> siteType, String siteMethod, double minMs, double maxMs, double thresholdMs,
                    String firstFrame, boolean throughLibrary) {

    /** A file call's stack starts at the very method of its operation; other families' first frame is not checked. */
    ExpectedCall(String category, String operation, String detail, String thread, long threadId,
                 Class<?> siteType, String siteMethod, double minMs, double maxMs, double thresholdMs) {
        this(category, operation, detail, thread, threadId, siteType, siteMethod, minMs, maxMs, thresholdMs,
                category.equals("file") ? operation : null, false);
    }

    /**
     * The same expectation with the stack starting at another instrumented method, such as
     * {@code sun.nio.ch.FileChannelImpl.force} for the operation {@code java.nio.channels.FileChannel.force}.
     */
    ExpectedCall withFirstFrame(String qualifiedMethod) {
        return new ExpectedCall(category, operation, detail, thread, threadId, siteType, siteMethod, minMs, maxMs,
                thresholdMs, qualifiedMethod, throughLibrary);
    }

    /** The same expectation for a call of a client library, whose frames may sit above the site. */
    ExpectedCall throughCalledLibrary() {
        return new ExpectedCall(category, operation, detail, thread, threadId, siteType, siteMethod, minMs, maxMs,
                thresholdMs, firstFrame, true);
    }

    /** Frames of the JDK, which sit between the instrumented method and the site. */
    private static final String JDK_FRAME = "(?:[^/\\s(]*/){0,2}(?:java|javax|jdk|sun|com\\.sun)\\..*";
    /** Frames of the client libraries the data-store scenarios call. */
    private static final String LIBRARY_FRAME = "(?:[^/\\s(]*/){0,2}(?:org\\.postgresql|org\\.mariadb\\.jdbc|org\\.h2"
            + "|com\\.zaxxer\\.hikari|redis\\.clients|io\\.lettuce|io\\.netty|reactor|org\\.apache\\.commons\\.pool2)\\..*";
    private static final String ISO_UTC_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,9}Z";

    void assertMatches(ReportRecord call, ChildJvm.Result child) {
        String in = " in " + call;
        assertEquals("blocking-call", call.event(), "event" + in);
        assertFalse(call.bool("inProgress"), "inProgress" + in);
        assertEquals(category, call.string("category"), "category" + in);
        assertEquals(operation, call.string("operation"), "operation" + in);
        assertEquals(detail, call.nullableString("detail"), "detail" + in);
        assertEquals(thread, call.string("thread"), "thread" + in);
        assertEquals(threadId, call.integer("threadId"), "threadId" + in);
        assertTrue(call.siteIs(siteType, siteMethod),
                "site should be " + siteType.getName() + "." + siteMethod + "(...)" + in);
        double durationMs = call.number("durationMs");
        assertTrue(durationMs >= minMs && durationMs <= maxMs,
                "durationMs should be within [" + minMs + ", " + maxMs + "]" + in);
        assertEquals(thresholdMs, call.number("thresholdMs"), 1e-9, "thresholdMs" + in);
        call.integer("callId"); // present and an integer; its uniqueness is checked where a test sees many calls
        assertTimeWithin(call, child);
        assertStackLeadsToSite(call);
    }

    /** time is the call's start, ISO-8601 UTC with milliseconds at least, during the child's life. */
    private static void assertTimeWithin(ReportRecord call, ChildJvm.Result child) {
        String time = call.string("time");
        assertTrue(time.matches(ISO_UTC_MILLIS), "time should be ISO-8601 UTC with milliseconds in " + call);
        Instant start;
        try {
            start = Instant.parse(time);
        } catch (DateTimeParseException e) {
            fail("time is not an ISO-8601 instant in " + call);
            return;
        }
        Instant earliest = child.started().minus(Duration.ofSeconds(1));
        assertTrue(!start.isBefore(earliest) && !start.isAfter(child.ended()),
                "time " + start + " is outside the child's life " + child.started() + " .. " + child.ended()
                        + " in " + call);
    }

    /**
     * The stack starts at the instrumented method ({@code firstFrame} when given), goes through JDK
     * frames only, and reaches the site as its first other frame.
     */
    private void assertStackLeadsToSite(ReportRecord call) {
        List<String> stack = call.strings("stack");
        String site = call.string("site");
        int siteIndex = stack.indexOf(site);
        assertTrue(siteIndex > 0, "the stack should hold the site below the instrumented method in " + call);
        for (String frame : stack.subList(0, siteIndex)) {
            assertTrue(frame.matches(JDK_FRAME) || (throughLibrary && frame.matches(LIBRARY_FRAME)),
                    "frame " + frame + " above the site is not the JDK's" + (throughLibrary ? " or the called library's" : "")
                            + " in " + call);
        }
        if (firstFrame != null) {
            assertTrue(Frame.isMethod(stack.get(0), firstFrame),
                    "the first frame should be " + firstFrame + " in " + call);
        }
    }
}
