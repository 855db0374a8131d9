package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.config.AllowRule;
import dev.blockwatch.config.BadOptionException;
import dev.blockwatch.config.Category;
import dev.blockwatch.config.RecordingOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallRecordingTest {
    private static final long MS = 1_000_000L;
    /** The number of this thread's latest call when the recording opened. */
    private static final long AT_OPENING = 41;

    private final Thread loop = Thread.currentThread();
    private final CallRecording recording = new CallRecording(Map.of(loop, AT_OPENING), 50 * MS,
            Set.of(Category.SLEEP, Category.FILE), List.of());

    @Test
    void wantsCallsThatStartedWhileOpenAndReachedItsThreshold() {
        assertTrue(recording.wants(loop, AT_OPENING + 1, 50 * MS));
        assertTrue(recording.wants(loop, AT_OPENING + 7, 200 * MS));
        assertFalse(recording.wants(loop, AT_OPENING, 200 * MS), "under way at the opening: another test's call");
        assertFalse(recording.wants(loop, AT_OPENING + 1, 50 * MS - 1));
    }

    @Test
    void wantsEveryCallOfAThreadFirstWatchedAfterItOpened() {
        assertTrue(recording.wants(new Thread(() -> { }), 1, 50 * MS));
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
        CallRecording allowing = new CallRecording(Map.of(), 0, Set.of(Category.SLEEP), allow);
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
