package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.config.AllowRule;
import dev.blockwatch.config.BadOptionException;
import dev.blockwatch.config.Category;
import dev.blockwatch.config.RecordingOptions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallRecordingTest {
    private static final long OPENED = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private final CallRecording recording =
            new CallRecording(OPENED, 50 * MS, Set.of(Category.SLEEP, Category.FILE), List.of());

    @Test
    void wantsCallsThatStartedWhileOpenAndReachedItsThreshold() {
        assertTrue(recording.wants(OPENED, 50 * MS));
        assertTrue(recording.wants(OPENED + 10 * MS, 200 * MS));
        assertFalse(recording.wants(OPENED - 1, 200 * MS), "started before it opened: another test's call");
        assertFalse(recording.wants(OPENED + 10 * MS, 50 * MS - 1));
    }

    @Test
    void collectsOnlyItsCategories() {
        recording.offer(call(1, Category.SLEEP, false), stack());
        recording.offer(call(2, Category.SOCKET, false), stack());
        assertEquals(List.of(1L), callIds());
    }

    @Test
    void aCallsFinalReportReplacesItsInProgressOneAndNotTheOtherWayRound() {
        recording.offer(call(7, Category.SLEEP, true), stack());
        recording.offer(call(7, Category.SLEEP, false), stack());
        recording.offer(call(7, Category.SLEEP, true), stack());
        List<SlowCallReport> calls = recording.calls();
        assertEquals(1, calls.size());
        assertFalse(calls.get(0).inProgress());
    }

    @Test
    void collectsNothingOnceClosed() {
        recording.close();
        recording.offer(call(1, Category.SLEEP, false), stack());
        assertEquals(List.of(), recording.calls());
    }

    @Test
    void leavesOutCallsMadeInsideAnAllowedMethod() throws BadOptionException {
        List<AllowRule> allow = RecordingOptions.parse("allow=" + CallRecordingTest.class.getName() + "#stack").allow();
        CallRecording allowing = new CallRecording(OPENED, 0, Set.of(Category.SLEEP), allow);
        allowing.offer(call(1, Category.SLEEP, false), stack());
        assertEquals(List.of(), allowing.calls());
        allowing.offer(call(2, Category.SLEEP, false), CapturedStack.of(new StackTraceElement[0]));
        assertEquals(1, allowing.calls().size());
    }

    private List<Long> callIds() {
        return recording.calls().stream().map(SlowCallReport::callId).toList();
    }

    private static SlowCallReport call(long callId, Category category, boolean inProgress) {
        return new ReportBuilder().callId(callId).call(category, "java.lang.Thread.sleep", null).inProgress(inProgress)
                .build();
    }

    /** This very stack: its frames include this class's {@code stack} method. */
    private static CapturedStack stack() {
        return CapturedStack.of(new Throwable().getStackTrace());
    }
}
