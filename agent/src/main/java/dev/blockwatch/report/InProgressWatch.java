package dev.blockwatch.report;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.config.Category;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * blockwatch's thread that sees calls that are still blocked: every 100 ms it looks at each
 * watched thread's call under way, and reports once, with the thread's stack at that moment,
 * each call that has run for at least the threshold. A call that never returns is seen too.
 * The application's threads only publish their call with plain writes; this thread validates
 * what it read, and the call's exit and this thread agree through one atomic field, taken only
 * for calls over the threshold, on which of them numbered the call.
 */
final class InProgressWatch {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final SlowCallRecorder recorder;
    private final long thresholdNanos;
    private final Thread thread;
    private volatile boolean stopping;

    InProgressWatch(SlowCallRecorder recorder, long thresholdNanos) {
        this.recorder = recorder;
        this.thresholdNanos = thresholdNanos;
        this.thread = new Thread(this::watchUntilStopped, "blockwatch-in-progress");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopping = true;
        LockSupport.unpark(thread);
    }

    private void watchUntilStopped() {
        BlockwatchRuntime.markCurrentThreadOwn();
        while (!stopping) {
            try {
                lookOnce();
            } catch (RuntimeException | LinkageError e) {
                BlockwatchRuntime.countFailure();
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void lookOnce() {
        forEachCallUnderWay((state, watched, operation, subject, start, duration) -> {
            if (duration < thresholdNanos || state.reportedInProgress(start)) {
                return;
            }
            StackTraceElement[] stack = watched.getStackTrace();
            if (operation != state.operationUnderWay() || start != state.startUnderWay()) {
                return; // the call ended, or another began, while its stack was taken
            }
            int categoryId = BlockwatchRuntime.categoryOf(operation);
            long callId = recorder.nextCallId();
            if (categoryId >= 0 && state.claimInProgress(start, callId)) {
                recorder.onCallInProgress(watched, Category.ofId(categoryId), operation, subject, start, duration,
                        stack, callId);
            }
        });
    }

    /**
     * Hands a closing recording the calls still under way that it wants: started while it was
     * open and blocked for its threshold by now, whether or not this watch has seen them yet.
     */
    void collectCallsUnderWay(CallRecording recording) {
        forEachCallUnderWay((state, watched, operation, subject, start, duration) -> {
            if (!recording.wants(start, duration)) {
                return;
            }
            StackTraceElement[] stack = watched.getStackTrace();
            int categoryId = BlockwatchRuntime.categoryOf(operation);
            if (categoryId >= 0 && operation == state.operationUnderWay() && start == state.startUnderWay()) {
                recorder.collectInProgress(recording, watched, Category.ofId(categoryId), operation, subject, start,
                        duration, stack);
            }
        });
    }

    private interface CallUnderWay {
        void visit(ThreadState state, Thread thread, String operation, Object subject, long startNanos,
                   long durationNanos);
    }

    private static void forEachCallUnderWay(CallUnderWay visitor) {
        for (Iterator<ThreadState> states = BlockwatchRuntime.watchedThreads().iterator(); states.hasNext(); ) {
            ThreadState state = states.next();
            Thread watched = state.thread();
            if (!watched.isAlive()) {
                states.remove();
                continue;
            }
            String operation = state.operationUnderWay();
            if (operation == null || BlockwatchRuntime.isOwnWork(operation)) {
                continue;
            }
            long start = state.startUnderWay();
            Object subject = state.subjectUnderWay();
            visitor.visit(state, watched, operation, subject, start, System.nanoTime() - start);
        }
    }
}
