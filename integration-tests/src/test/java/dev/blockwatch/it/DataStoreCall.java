package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the report must say about one JDBC or Redis call a scenario of a data-store application made
 * on a loop: the application printed {@code <scenario>@<loop>.thread} and {@code .threadId}, and the
 * call's site is the scenario method of the application class. Exactly one final record at that site
 * on that thread, at most one in-progress record of the same call (same callId, time, thread, site,
 * category, operation and detail), and no in-progress record of that call anywhere else.
 *
 * <p>Unlike {@link ExpectedCall}, the frames between the instrumented method and the site may be the
 * called library's (the driver, the pool, Jedis, Lettuce and Netty under it) as well as the JDK's.
 */
record DataStoreCall(String category, String operation, String detail, double minMs, double maxMs,
                     double thresholdMs) {

    /** Frames of the JDK, which includes dynamic proxies ({@code jdk.proxy*}). */
    private static final String JDK_FRAME = "(?:[^/\\s(]*/){0,2}(?:java|javax|jdk|sun|com\\.sun)\\..*";
    /** Frames of the client libraries the scenarios call, which may sit between the instrumented method and the site. */
    private static final String LIBRARY_FRAME = "(?:[^/\\s(]*/){0,2}(?:org\\.postgresql|org\\.mariadb\\.jdbc|org\\.h2"
            + "|com\\.zaxxer\\.hikari|redis\\.clients|io\\.lettuce|io\\.netty|reactor|org\\.apache\\.commons\\.pool2)\\..*";
    private static final String ISO_UTC_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,9}Z";

    /** A slow call of about 150 ms at threshold 50 ms. */
    static DataStoreCall slow(String category, String operation, String detail) {
        return new DataStoreCall(category, operation, detail, 100, 1000, 50);
    }

    /** A quick call at threshold 0. */
    static DataStoreCall atThresholdZero(String category, String operation, String detail) {
        return new DataStoreCall(category, operation, detail, 0, 1000, 0);
    }

    /** Every blocking-call record (in-progress ones too) made at {@code app.scenario} on the thread. */
    static List<ReportRecord> recordsAt(Report report, Class<?> app, String scenario, String thread) {
        return report.blockingCallsAt(app, scenario).stream()
                .filter(r -> r.string("thread").equals(thread))
                .toList();
    }

    /** Every blocking-call record on the thread, one a line, for failure messages. */
    static String recordsOn(Report report, String thread) {
        List<ReportRecord> onThread = report.blockingCalls().stream()
                .filter(r -> r.string("thread").equals(thread))
                .toList();
        return onThread.isEmpty() ? "(none)"
                : onThread.stream().map(ReportRecord::toString).collect(Collectors.joining("\n"));
    }

    /** Checks the one call of {@code scenario} on {@code loop} and returns its final record. */
    ReportRecord assertReportedOnce(ChildJvm.Result child, Class<?> app, String scenario, String loop) {
        String place = scenario + "@" + loop;
        String thread = child.fact(place + ".thread");
        long threadId = Long.parseLong(child.fact(place + ".threadId"));
        Report report = child.report();
        String where = place + " (site " + app.getName() + "." + scenario + ", thread " + thread + ")";
        List<ReportRecord> atSite = recordsAt(report, app, scenario, thread);
        List<ReportRecord> finals = atSite.stream().filter(ReportRecord::isFinalCall).toList();
        assertEquals(1, finals.size(), "final blocking-call records of " + where + "; every record on that thread:\n"
                + recordsOn(report, thread));
        ReportRecord call = finals.get(0);
        long callId = call.integer("callId");
        assertTrue(atSite.size() <= 2, "more than one in-progress record of " + where + ":\n"
                + atSite.stream().map(ReportRecord::toString).collect(Collectors.joining("\n")));
        for (ReportRecord early : atSite) {
            if (early == call) {
                continue;
            }
            for (String field : List.of("callId", "time", "thread", "site", "category", "operation")) {
                assertEquals(String.valueOf(fieldValue(call, field)), String.valueOf(fieldValue(early, field)),
                        field + " of the in-progress record " + early + " and the final record " + call);
            }
            assertEquals(call.nullableString("detail"), early.nullableString("detail"),
                    "detail of the in-progress record " + early + " and the final record " + call);
        }
        List<ReportRecord> elsewhere = report.blockingCalls().stream()
                .filter(r -> r.integer("callId") == callId && !atSite.contains(r))
                .toList();
        assertEquals(List.of(), elsewhere, "records of the call of " + where + " (callId " + callId
                + ") at another site or thread; its final record: " + call);
        assertMatches(call, child, thread, threadId, app, scenario);
        return call;
    }

    private static Object fieldValue(ReportRecord record, String field) {
        return field.equals("callId") ? record.integer(field) : record.nullableString(field);
    }

    private void assertMatches(ReportRecord call, ChildJvm.Result child, String thread, long threadId,
                               Class<?> app, String scenario) {
        String in = " in " + call;
        assertEquals("blocking-call", call.event(), "event" + in);
        assertFalse(call.bool("inProgress"), "inProgress" + in);
        assertEquals(category, call.string("category"), "category" + in);
        assertEquals(operation, call.string("operation"), "operation" + in);
        assertEquals(detail, call.nullableString("detail"), "detail" + in);
        assertEquals(thread, call.string("thread"), "thread" + in);
        assertEquals(threadId, call.integer("threadId"), "threadId" + in);
        assertTrue(call.siteIs(app, scenario), "site should be " + app.getName() + "." + scenario + "(...)" + in);
        double durationMs = call.number("durationMs");
        assertTrue(durationMs >= minMs && durationMs <= maxMs,
                "durationMs should be within [" + minMs + ", " + maxMs + "]" + in);
        assertEquals(thresholdMs, call.number("thresholdMs"), 1e-9, "thresholdMs" + in);
        assertTimeWithin(call, child);
        assertStackLeadsToSite(call);
    }

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

    /** The site is in the stack below the instrumented method, with only JDK and library frames above it. */
    private static void assertStackLeadsToSite(ReportRecord call) {
        List<String> stack = call.strings("stack");
        String site = call.string("site");
        int siteIndex = stack.indexOf(site);
        assertTrue(siteIndex > 0, "the stack should hold the site below the instrumented method in " + call);
        for (String frame : stack.subList(0, siteIndex)) {
            assertTrue(frame.matches(JDK_FRAME) || frame.matches(LIBRARY_FRAME),
                    "frame " + frame + " above the site is neither the JDK's nor the called library's in " + call);
        }
    }
}
