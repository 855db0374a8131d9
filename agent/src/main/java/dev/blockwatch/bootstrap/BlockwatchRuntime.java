package dev.blockwatch.bootstrap;

/**
 * The runtime that advice inlined into JDK classes calls. It is loaded by the bootstrap class
 * loader, so it may use only the JDK. The per-call path reads one thread-local and one field
 * on threads that are not watched, and adds two clock reads on watched ones; it never
 * allocates, locks or logs. Everything else happens behind {@link BlockingCallListener},
 * only for calls over the threshold.
 */
public final class BlockwatchRuntime {
    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
            return new ThreadState();
        }
    };

    private static volatile BlockingCallListener listener;
    private static volatile ThreadClassifier classifier;
    private static volatile long thresholdNanos = Long.MAX_VALUE;
    private static volatile boolean selectorLoopsWatched;
    private static volatile long failures;

    private BlockwatchRuntime() {
    }

    /** Activates reporting; before this, and after {@link #deactivate()}, no call is timed. */
    public static void activate(BlockingCallListener callListener, ThreadClassifier threadClassifier,
                                long threshold, boolean watchSelectorLoops) {
        thresholdNanos = threshold;
        selectorLoopsWatched = watchSelectorLoops;
        classifier = threadClassifier;
        listener = callListener;
    }

    public static void deactivate() {
        listener = null;
        classifier = null;
    }

    /**
     * Called on entry to an instrumented method.
     *
     * @return the thread's state when this is the outermost call on a watched thread (the
     *         caller passes it to {@link #exit}), otherwise null
     */
    public static ThreadState enter() {
        ThreadState state = CURRENT.get();
        int mode = state.mode;
        if (mode == ThreadState.WATCHED) {
            if (state.inCall) {
                return null;
            }
            state.inCall = true;
            state.start = System.nanoTime();
            return state;
        }
        if (mode == ThreadState.UNKNOWN) {
            return classifyAndEnter(state);
        }
        return null;
    }

    /** Called on exit (normal or exceptional) from a call that {@link #enter()} started. */
    public static void exit(ThreadState state, int category, String operation, Object detail) {
        try {
            long duration = System.nanoTime() - state.start;
            if (duration >= thresholdNanos) {
                BlockingCallListener current = listener;
                if (current != null) {
                    // inCall stays true meanwhile: whatever the listener does is not reported
                    current.onBlockingCall(category, operation, detail, state.start, duration);
                }
            }
        } catch (Throwable t) {
            failures++;
        } finally {
            state.inCall = false;
        }
    }

    /** Called when the current thread waits in a Selector: an event loop, from now on watched. */
    public static void selectorWait() {
        if (selectorLoopsWatched) {
            ThreadState state = CURRENT.get();
            int mode = state.mode;
            if (mode == ThreadState.UNKNOWN || mode == ThreadState.UNWATCHED) {
                state.mode = ThreadState.WATCHED;
            }
        }
    }

    /** Marks the current thread watched (the public API's {@code watchCurrentThread}). */
    public static void watchCurrentThread() {
        ThreadState state = CURRENT.get();
        if (state.mode != ThreadState.OWN) {
            state.mode = ThreadState.WATCHED;
        }
    }

    /** Marks the current thread as one of blockwatch's own: never watched. */
    public static void markCurrentThreadOwn() {
        CURRENT.get().mode = ThreadState.OWN;
    }

    /** Failures inside blockwatch that were swallowed so as not to harm the host. */
    public static long failures() {
        return failures;
    }

    public static void countFailure() {
        failures++;
    }

    private static ThreadState classifyAndEnter(ThreadState state) {
        ThreadClassifier current = classifier;
        if (current == null) {
            return null;
        }
        // UNWATCHED while classifying: calls made by the classifier itself are not timed
        state.mode = ThreadState.UNWATCHED;
        boolean watched;
        try {
            watched = current.isWatched(Thread.currentThread());
        } catch (Throwable t) {
            failures++;
            watched = false;
        }
        if (!watched) {
            return null;
        }
        state.mode = ThreadState.WATCHED;
        state.inCall = true;
        state.start = System.nanoTime();
        return state;
    }
}
