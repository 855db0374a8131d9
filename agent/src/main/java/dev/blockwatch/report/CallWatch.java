package dev.blockwatch.report;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.config.Category;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * blockwatch's thread that watches the calls under way on watched threads. It reports, every
 * 100 ms, each call still blocked for the options' threshold, and it decides how calls are timed:
 * by their own threads reading the clock (about 40 ns a call), or by this watch (a few ns a call,
 * for a wake-up of this thread each period, about 17 us of CPU and a preempted core on a busy
 * machine). The first costs less until watched threads make some {@value #KEEP_TIME_ABOVE_CALLS_PER_SECOND}
 * calls a second: an event loop whose channel calls are non-blocking makes none, and this thread
 * then wakes only every 100 ms. Above that rate this watch keeps the time, and falls back once
 * the rate has stayed under {@value #LEAVE_TIME_BELOW_CALLS_PER_SECOND} for a second.
 *
 * <p>While it keeps the time, every period (a tenth of the threshold, 2 to 25 ms)
 * it looks at each watched thread's call: a call it sees for the first time started after its
 * previous look at that thread, which is taken as the call's start (so a duration is at most one
 * period long, never short); a call that has run for the threshold is marked, and its thread reads
 * the clock when the call ends and reports it. Every 100 ms it also reports, once, each call that
 * has run for the options' threshold and is still blocked, with the thread's stack at that moment,
 * so that a call that never returns is seen too. Calls whose threads time them themselves (a
 * threshold under 20 ms) are only reported in progress here. So a duration reads up to one period
 * long, a call up to one period under the threshold may be reported, and one up to one period
 * over it may not be.
 *
 * <p>The application's threads only publish their calls, with plain writes, and check for a mark
 * when a call ends, without a fence. A mark they miss that way (it landed as the call ended) is
 * found here at the next look: the call has ended, marked and unreported, and is reported from
 * here, with the stack taken when it was marked and the time it was last seen under way.
 */
final class CallWatch {
    private static final long IN_PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long KEEP_TIME_ABOVE_CALLS_PER_SECOND = 200_000;
    static final long LEAVE_TIME_BELOW_CALLS_PER_SECOND = 50_000;
    private static final long LEAVE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long NOT_LOW = Long.MIN_VALUE;
    private static final long SHORTEST_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LONGEST_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final SlowCallRecorder recorder;
    /** The options' threshold: calls still blocked for this long are reported in progress. */
    private final long inProgressThresholdNanos;
    private final Thread thread;
    /** What this thread knows of each watched thread's call; touched only by this thread. */
    private final Map<ThreadState, SeenCall> seen = new IdentityHashMap<>();
    /** When the previous look began: a thread seen for the first time was last looked at no earlier. */
    private long previousLook = System.nanoTime();
    /** Calls that watched threads started between the previous look and this one. */
    private long callsSinceLastLook;
    /** Whether a call that this watch must time (its thread read no clock) is under way. */
    private boolean untimedCallUnderWay;
    /** Whether this watch keeps the time of the calls starting now. */
    private boolean keepingTime;
    /** Since when the call rate has been low while this watch keeps the time, or {@link #NOT_LOW}. */
    private long lowRateSince = NOT_LOW;
    private volatile boolean stopping;

    CallWatch(SlowCallRecorder recorder, long inProgressThresholdNanos) {
        this.recorder = recorder;
        this.inProgressThresholdNanos = inProgressThresholdNanos;
        this.thread = new Thread(this::watchUntilStopped, "blockwatch-call-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopping = true;
        LockSupport.unpark(thread);
    }

    /**
     * The period between two looks while this watch keeps the time: a tenth of the threshold,
     * within 2 and 25 ms. Each look is a wake-up of this thread, about 17 us of CPU on this kind
     * of machine: 2 ms costs under 1% of a core.
     */
    static long periodNanos(long thresholdNanos) {
        return Math.max(SHORTEST_PERIOD_NANOS, Math.min(LONGEST_PERIOD_NANOS, thresholdNanos / 10));
    }

    private void watchUntilStopped() {
        BlockwatchRuntime.markCurrentThreadOwn();
        long nextInProgress = System.nanoTime() + IN_PROGRESS_EVERY_NANOS;
        while (!stopping) {
            long now = System.nanoTime();
            boolean inProgressDue = now - nextInProgress >= 0;
            if (inProgressDue) {
                nextInProgress = now + IN_PROGRESS_EVERY_NANOS;
            }
            long sinceLastLook = now - previousLook;
            try {
                lookOnce(now, inProgressDue);
                chooseWhoKeepsTime(now, sinceLastLook);
            } catch (RuntimeException | LinkageError e) {
                BlockwatchRuntime.countFailure();
            }
            boolean keepingTime = !BlockwatchRuntime.callsTimeThemselves() || untimedCallUnderWay;
            LockSupport.parkNanos(keepingTime ? periodNanos(BlockwatchRuntime.thresholdNanos()) : IN_PROGRESS_EVERY_NANOS);
        }
    }

    /** Keeps the time from a high call rate on, and leaves it to the calls after a second of a low one. */
    private void chooseWhoKeepsTime(long now, long sinceLastLook) {
        if (sinceLastLook <= 0) {
            return;
        }
        double callsPerSecond = callsSinceLastLook * 1e9 / sinceLastLook;
        if (!keepingTime) {
            if (callsPerSecond >= KEEP_TIME_ABOVE_CALLS_PER_SECOND) {
                keepingTime = true;
                lowRateSince = NOT_LOW;
                BlockwatchRuntime.watchKeepsTime(true);
            }
        } else if (callsPerSecond >= LEAVE_TIME_BELOW_CALLS_PER_SECOND) {
            lowRateSince = NOT_LOW;
        } else if (lowRateSince == NOT_LOW) {
            lowRateSince = now;
        } else if (now - lowRateSince >= LEAVE_AFTER_NANOS) {
            keepingTime = false;
            BlockwatchRuntime.watchKeepsTime(false);
        }
    }

    private void lookOnce(long now, boolean inProgressDue) {
        long markThreshold = BlockwatchRuntime.thresholdNanos();
        callsSinceLastLook = 0;
        untimedCallUnderWay = false;
        for (Iterator<ThreadState> states = BlockwatchRuntime.watchedThreads().iterator(); states.hasNext(); ) {
            ThreadState state = states.next();
            if (!state.thread().isAlive()) {
                states.remove();
                seen.remove(state);
                continue;
            }
            String operation = state.operationUnderWay();
            long number = state.callNumberUnderWay();
            SeenCall call = seen.computeIfAbsent(state, s -> new SeenCall(previousLook, number));
            callsSinceLastLook += number - call.counted;
            call.counted = number;
            boolean underWay = operation != null && !BlockwatchRuntime.isOwnWork(operation);
            if (call.marked && (!underWay || number != call.number)) {
                reportIfMarkMissed(state, call);
            }
            if (underWay) {
                if (number != call.number) {
                    call.begin(state, number, operation);
                }
                call.lastSeenUnderWay = now;
                untimedCallUnderWay |= !call.timedByItsThread;
                long duration = now - call.start;
                if (!call.timedByItsThread && !call.marked && duration >= markThreshold) {
                    mark(state, call, now);
                }
                if (inProgressDue && duration >= inProgressThresholdNanos && !state.reportedInProgress(number)) {
                    reportInProgress(state, call, duration);
                }
            }
            call.lastLook = now;
        }
        previousLook = now;
    }

    /** Marks a call blocked for the threshold, keeping its stack for the rare case its thread misses the mark. */
    private static void mark(ThreadState state, SeenCall call, long now) {
        StackTraceElement[] stack = state.thread().getStackTrace();
        if (state.callNumberUnderWay() != call.number || state.operationUnderWay() == null) {
            return; // ended while its stack was taken: under the threshold, as far as anyone can tell
        }
        call.stack = stack;
        call.subject = state.subjectUnderWay();
        call.marked = true;
        state.mark(call.number, call.start);
    }

    private void reportIfMarkMissed(ThreadState state, SeenCall call) {
        call.marked = false;
        if (state.claimFinal(call.number)) {
            int categoryId = BlockwatchRuntime.categoryOf(call.operation);
            if (categoryId >= 0) {
                recorder.onMarkMissed(state.thread(), Category.ofId(categoryId), call.operation, call.subject,
                        call.start, call.lastSeenUnderWay - call.start, call.number, call.stack,
                        state.closeReportedCall(call.number));
            }
        }
    }

    private void reportInProgress(ThreadState state, SeenCall call, long duration) {
        StackTraceElement[] stack = state.thread().getStackTrace();
        if (state.callNumberUnderWay() != call.number || state.operationUnderWay() == null) {
            return; // the call ended while its stack was taken
        }
        int categoryId = BlockwatchRuntime.categoryOf(call.operation);
        long callId = recorder.nextCallId();
        if (categoryId >= 0 && state.claimInProgress(call.number, callId)) {
            recorder.onCallInProgress(state.thread(), Category.ofId(categoryId), call.operation,
                    state.subjectUnderWay(), call.start, duration, call.number, stack, callId);
        }
    }

    /**
     * Hands a closing recording the calls still under way that it wants: started while it was
     * open and blocked for its threshold by now, whether or not this watch has reported them.
     */
    void collectCallsUnderWay(CallRecording recording) {
        long now = System.nanoTime();
        for (ThreadState state : BlockwatchRuntime.watchedThreads()) {
            String operation = state.operationUnderWay();
            if (operation == null || BlockwatchRuntime.isOwnWork(operation)) {
                continue;
            }
            long number = state.callNumberUnderWay();
            Object subject = state.subjectUnderWay();
            long start = state.timedStartUnderWay();
            if (!ThreadState.isTimedStart(start)) {
                start = state.seenStart(number);
            }
            if (!ThreadState.isTimedStart(start) || !recording.wants(state.thread(), number, now - start)) {
                continue; // not seen by the watch yet: younger than its period, under any threshold it allows
            }
            StackTraceElement[] stack = state.thread().getStackTrace();
            int categoryId = BlockwatchRuntime.categoryOf(operation);
            if (categoryId >= 0 && number == state.callNumberUnderWay() && state.operationUnderWay() != null) {
                recorder.collectInProgress(recording, state.thread(), Category.ofId(categoryId), operation, subject,
                        start, now - start, stack);
            }
        }
    }

    /** What this watch knows of the call under way on one thread. */
    private static final class SeenCall {
        long number;
        String operation;
        /** What the call was about when it was marked (a client learns its command inside the call). */
        Object subject;
        long start;
        boolean timedByItsThread;
        boolean marked;
        long lastLook;
        long lastSeenUnderWay;
        StackTraceElement[] stack;

        /** The call number up to which this thread's calls were counted into the call rate. */
        long counted;

        SeenCall(long lastLook, long counted) {
            this.lastLook = lastLook;
            this.counted = counted;
        }

        /**
         * A call seen for the first time started after the previous look at its thread; its
         * thread's own start is exact when it has one.
         */
        void begin(ThreadState state, long callNumber, String callOperation) {
            number = callNumber;
            operation = callOperation;
            subject = null;
            long timedStart = state.timedStartUnderWay();
            timedByItsThread = ThreadState.isTimedStart(timedStart);
            start = timedByItsThread ? timedStart : lastLook;
            marked = false;
            stack = null;
            state.seen(callNumber, start);
        }
    }
}
