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
    private final Thread thread;
    private volatile boolean stopping;

    InProgressWatch(SlowCallRecorder recorder) {
        this.recorder = recorder;
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
        long threshold = BlockwatchRuntime.thresholdNanos();
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
            long duration = System.nanoTime() - start;
            if (duration < threshold || state.reportedInProgress(start)) {
                continue;
            }
            StackTraceElement[] stack = watched.getStackTrace();
            if (operation != state.operationUnderWay() || start != state.startUnderWay()) {
                continue; // the call ended, or another began, while its stack was taken
            }
            int categoryId = BlockwatchRuntime.categoryOf(operation);
            long callId = recorder.nextCallId();
            if (categoryId >= 0 && state.claimInProgress(start, callId)) {
                recorder.onCallInProgress(watched, Category.ofId(categoryId), operation, subject, start, duration,
                        stack, callId);
            }
        }
    }
}
