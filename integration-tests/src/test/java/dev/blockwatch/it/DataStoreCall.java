package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the report must say about one JDBC or Redis call a scenario of a data-store application made
 * on a loop: the application printed {@code <scenario>@<loop>.thread} and {@code .threadId}, and the
 * call's site is the scenario method of the application class. Exactly one final record at that site
 * on that thread, at most one in-progress record of the same call (same callId, time, thread, site,
 * category, operation and detail), and no in-progress record of that call anywhere else.
 *
 * <p>The final record is then checked field by field as an {@link ExpectedCall} through the called
 * library: the frames between the instrumented method and the site may be the library's (the driver,
 * the pool, Jedis, Lettuce and Netty under it) as well as the JDK's.
 */
record DataStoreCall(String category, String operation, String detail, double minMs, double maxMs,
                     double thresholdMs) {

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
        new ExpectedCall(category, operation, detail, thread, threadId, app, scenario, minMs, maxMs, thresholdMs)
                .throughCalledLibrary()
                .assertMatches(call, child);
        return call;
    }

    private static Object fieldValue(ReportRecord record, String field) {
        return field.equals("callId") ? record.integer(field) : record.nullableString(field);
    }
}
