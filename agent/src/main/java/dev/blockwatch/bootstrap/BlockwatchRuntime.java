package dev.blockwatch.bootstrap;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The runtime that advice inlined into JDK classes calls. It is loaded by the bootstrap class
 * loader, so it may use only the JDK. The per-call path reads one thread-local and one field on
 * threads that are not watched. On watched ones it publishes the call with plain writes (its
 * operation, subject and number; the operation doubles as the "in a call" flag that keeps nested
 * calls from reporting twice), and times it one of two ways. While watched threads make few
 * calls, each call reads the clock at its start and end (about 40 ns). Once they make many, the
 * call watch keeps the time instead: calls read no clock, the watch looks at them every period,
 * marks one that outlives the threshold, and only a marked call reads the clock when it ends
 * (a few ns a call, for a wake-up of the watch each period). Below
 * {@link #WATCHED_BY_TIME_BELOW_NANOS} the watch's period would be too coarse, so calls always
 * read the clock. It never allocates, locks or logs. Everything else happens behind
 * {@link BlockingCallListener}, only for calls over the threshold.
 */
public final class BlockwatchRuntime {
    private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
            ThreadState state = new ThreadState(Thread.currentThread());
            ALL_THREADS.add(new WeakReference<>(state));
            // approximate count: it only paces the sweep of the states of ended threads
            if ((++threadsRegistered & (SWEEP_EVERY - 1)) == 0) {
                sweepEndedThreads();
            }
            return state;
        }
    };
    /**
     * Every thread's state, held weakly, so that {@link #deactivate} can make each thread be
     * judged again by the next options; registered once per thread, never per call.
     */
    private static final Queue<WeakReference<ThreadState>> ALL_THREADS = new ConcurrentLinkedQueue<>();
    private static final int SWEEP_EVERY = 1024;
    private static int threadsRegistered;
    /** Every thread that became watched, for the call watch; dead ones are pruned there. */
    private static final Queue<ThreadState> WATCHED_THREADS = new ConcurrentLinkedQueue<>();
    /** The category of each instrumented operation, registered as advice is applied. */
    private static final Map<String, Integer> CATEGORIES = new ConcurrentHashMap<>();
    /**
     * The classes each operation is instrumented in (many for an interface such as a JDBC
     * statement), to find where the call starts in its stack.
     */
    private static final Map<String, Set<String>> INSTRUMENTED_TYPES = new ConcurrentHashMap<>();
    /** The operation of a thread busy with blockwatch's own work, such as transforming a class. */
    private static final String OWN_WORK = "blockwatch";
    private static final int LOOKUP_NONE = 0;
    private static final int LOOKUP_PENDING = 1;
    private static final int LOOKUP_CONFIRMED = 2;

    private static volatile BlockingCallListener listener;
    private static volatile ThreadClassifier classifier;
    /** The category argument of {@link #exit} that means: the one its operation was registered under. */
    public static final int REGISTERED_CATEGORY = -1;

    /**
     * Thresholds below this are timed by each call's own thread: the call watch's period, a tenth
     * of the threshold, would be under its shortest, 2 ms.
     */
    public static final long WATCHED_BY_TIME_BELOW_NANOS = 20_000_000L;

    private static volatile long thresholdNanos = Long.MAX_VALUE;
    /** Whether calls read the clock themselves: a threshold too low for the call watch, or few calls. */
    private static volatile boolean callsTimeThemselves = true;
    private static volatile boolean thresholdTooLowForWatch;
    private static volatile boolean watchKeepsTime;
    private static volatile boolean selectorLoopsWatched;
    private static volatile long failures;

    private BlockwatchRuntime() {
    }

    /** Activates reporting; before this, no call is timed. */
    public static void activate(BlockingCallListener callListener, ThreadClassifier threadClassifier,
                                long threshold, boolean watchSelectorLoops) {
        setThreshold(threshold);
        selectorLoopsWatched = watchSelectorLoops;
        classifier = threadClassifier;
        listener = callListener;
    }

    /**
     * Stops reporting (on detach, or before new options take effect): no call is timed from now
     * on, even where advice is still in place, and every thread will be judged again.
     */
    public static void deactivate() {
        listener = null;
        watchKeepsTime(false);
        classifier = null;
        thresholdNanos = Long.MAX_VALUE;
        selectorLoopsWatched = false;
        WATCHED_THREADS.clear();
        sweepEndedThreads();
        for (WeakReference<ThreadState> reference : ALL_THREADS) {
            ThreadState state = reference.get();
            if (state != null && state.mode != ThreadState.OWN) {
                state.mode = ThreadState.UNKNOWN;
            }
        }
    }

    private static void sweepEndedThreads() {
        for (Iterator<WeakReference<ThreadState>> states = ALL_THREADS.iterator(); states.hasNext(); ) {
            if (states.next().get() == null) {
                states.remove();
            }
        }
    }

    /**
     * Called on entry to an instrumented method.
     *
     * @param operation the API called, a constant of the advice
     * @param subject   what the call is about, when known on entry
     * @return the thread's state when this is the outermost call on a watched thread (the
     *         caller passes it to {@link #exit}), otherwise null
     */
    public static ThreadState enter(String operation, Object subject) {
        ThreadState state = CURRENT.get();
        int mode = state.mode;
        if (mode == ThreadState.WATCHED) {
            if (state.operation != null) {
                return null;
            }
            return begin(state, operation, subject);
        }
        if (mode == ThreadState.UNKNOWN) {
            return classifyAndEnter(state, operation, subject);
        }
        return null;
    }

    /** Publishes a call for the call watch: the operation last, so that whoever sees it sees the rest. */
    private static ThreadState begin(ThreadState state, String operation, Object subject) {
        state.subject = subject;
        state.start = callsTimeThemselves ? System.nanoTime() : ThreadState.NO_START;
        state.callNumber++;
        state.publish(operation);
        return state;
    }

    /**
     * Called on exit (normal or exceptional) from a call that {@link #enter} started.
     *
     * @param category the operation's category, or {@link #REGISTERED_CATEGORY}, looked up only
     *                 if the call is reported
     */
    public static void exit(ThreadState state, int category, String operation, Object detail) {
        long start = state.start;
        long call = state.callNumber;
        if (start == ThreadState.NO_START && !state.isMarked(call)) {
            state.operation = null;
            return;
        }
        try {
            long duration;
            if (start == ThreadState.NO_START) {
                // marked by the call watch, which estimated its start
                start = state.markedStart();
                duration = System.nanoTime() - start;
            } else {
                duration = System.nanoTime() - start;
                if (duration < thresholdNanos) {
                    return;
                }
            }
            if (state.claimFinal(call)) {
                long inProgressCallId = state.closeReportedCall(call);
                BlockingCallListener current = listener;
                if (current != null) {
                    if (category == REGISTERED_CATEGORY) {
                        category = categoryOf(operation);
                    }
                    // the operation stays set meanwhile: whatever the listener does is not reported
                    current.onBlockingCall(category, operation, detail, start, duration, call, inProgressCallId);
                }
            }
        } catch (Throwable t) {
            failures++;
        } finally {
            // the subject is left in place: it is read only while an operation is set, and one
            // more write per call is not worth freeing it a call earlier
            state.operation = null;
        }
    }

    /** Ends a call that turned out not to be one to report; a mark the call watch made is withdrawn. */
    private static void cancel(ThreadState state) {
        long call = state.callNumber;
        if (state.isMarked(call)) {
            state.claimFinal(call);
        }
        state.operation = null;
    }

    /**
     * Marks a call that {@link #enter} started as reported only if a name-service lookup
     * happens inside it ({@link #lookupDone}): a host name lookup answered from the JDK's cache,
     * or an address literal, is no lookup.
     */
    public static void awaitLookup(ThreadState state) {
        state.lookup = LOOKUP_PENDING;
    }

    /** Called when the JDK asks the name service; {@code subject} is the host or address looked up. */
    public static void lookupDone(Object subject) {
        ThreadState state = CURRENT.get();
        if (state.lookup == LOOKUP_PENDING) {
            state.lookup = LOOKUP_CONFIRMED;
            state.subject = subject;
        }
    }

    /** The exit of a call marked by {@link #awaitLookup}: reported like any other once confirmed. */
    public static void exitLookup(ThreadState state, int category, String operation) {
        if (state.lookup == LOOKUP_CONFIRMED) {
            state.lookup = LOOKUP_NONE;
            exit(state, category, operation, state.subject);
        } else {
            state.lookup = LOOKUP_NONE;
            cancel(state);
        }
    }

    /**
     * Marks a call that {@link #enter} started as one whose subject is found inside it
     * ({@link #subjectFound}): a client library's call learns its command only as it sends it.
     */
    public static void awaitSubject(ThreadState state) {
        state.awaitingSubject = true;
    }

    /**
     * Called where a client library hands over what the call under way is about; the first one
     * counts, so the command the application called is not replaced by a later one it causes.
     */
    public static void subjectFound(Object subject) {
        ThreadState state = CURRENT.get();
        if (state.awaitingSubject) {
            state.awaitingSubject = false;
            state.subject = subject;
        }
    }

    /** The exit of a call marked by {@link #awaitSubject}, reported with the subject found. */
    public static void exitWithSubject(ThreadState state, int category, String operation) {
        state.awaitingSubject = false;
        exit(state, category, operation, state.subject);
    }

    /**
     * Called before blockwatch does its own work on an application's thread (transforming a
     * class that thread loads): the calls it makes meanwhile are not timed.
     *
     * @return whether timing was paused, to pass to {@link #resumeTiming}
     */
    public static boolean pauseTiming() {
        ThreadState state = CURRENT.get();
        if (state.operation != null) {
            return false;
        }
        state.operation = OWN_WORK;
        return true;
    }

    public static void resumeTiming(boolean paused) {
        if (paused) {
            CURRENT.get().operation = null;
        }
    }

    /** Whether an operation under way is blockwatch's own work, never a call to report. */
    public static boolean isOwnWork(String operation) {
        return operation == OWN_WORK;
    }

    /** Called when the current thread waits in a Selector: an event loop, from now on watched. */
    public static void selectorWait() {
        if (selectorLoopsWatched) {
            ThreadState state = CURRENT.get();
            int mode = state.mode;
            if (mode == ThreadState.UNKNOWN || mode == ThreadState.UNWATCHED) {
                watch(state);
            }
        }
    }

    /** Marks the current thread watched (the public API's {@code watchCurrentThread}). */
    public static void watchCurrentThread() {
        ThreadState state = CURRENT.get();
        if (state.mode != ThreadState.OWN && state.mode != ThreadState.WATCHED) {
            watch(state);
        }
    }

    /** Marks the current thread as one of blockwatch's own: never watched. */
    public static void markCurrentThreadOwn() {
        CURRENT.get().mode = ThreadState.OWN;
    }

    /**
     * The threads watched so far, for the call watch, which removes those that have
     * ended through the iterator.
     */
    public static Iterable<ThreadState> watchedThreads() {
        return WATCHED_THREADS;
    }

    /**
     * Changes the threshold of an active runtime: a recording may ask for a lower one than the
     * options' while it is open. Ignored when inactive, so that it cannot revive a detached run.
     */
    public static void changeThreshold(long threshold) {
        if (listener != null) {
            setThreshold(threshold);
        }
    }

    private static void setThreshold(long threshold) {
        thresholdTooLowForWatch = threshold < WATCHED_BY_TIME_BELOW_NANOS;
        callsTimeThemselves = thresholdTooLowForWatch || !watchKeepsTime;
        thresholdNanos = threshold;
    }

    /**
     * The call watch keeps the time of watched threads' calls from now on (they make many calls),
     * or leaves it to them again (they make few); calls under way keep the way they started with.
     */
    public static void watchKeepsTime(boolean keeps) {
        watchKeepsTime = keeps;
        callsTimeThemselves = thresholdTooLowForWatch || !keeps;
    }

    public static long thresholdNanos() {
        return thresholdNanos;
    }

    /** Whether calls starting now read the clock at their start and end, rather than being timed by the call watch. */
    public static boolean callsTimeThemselves() {
        return callsTimeThemselves;
    }

    /** Records the category an operation reports under and a class it is instrumented in. */
    public static void registerOperation(String operation, int category, String instrumentedType) {
        CATEGORIES.put(operation, category);
        INSTRUMENTED_TYPES.computeIfAbsent(operation, k -> ConcurrentHashMap.newKeySet()).add(instrumentedType);
    }

    /** The classes a registered operation is instrumented in; empty when it is not registered. */
    public static Set<String> instrumentedTypesOf(String operation) {
        Set<String> types = INSTRUMENTED_TYPES.get(operation);
        return types == null ? Set.of() : types;
    }

    /** The category of a registered operation, or -1. */
    public static int categoryOf(String operation) {
        Integer category = CATEGORIES.get(operation);
        return category == null ? -1 : category;
    }

    /** Failures inside blockwatch that were swallowed so as not to harm the host. */
    public static long failures() {
        return failures;
    }

    public static void countFailure() {
        failures++;
    }

    private static void watch(ThreadState state) {
        state.mode = ThreadState.WATCHED;
        WATCHED_THREADS.add(state);
    }

    private static ThreadState classifyAndEnter(ThreadState state, String operation, Object subject) {
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
        watch(state);
        return begin(state, operation, subject);
    }
}
