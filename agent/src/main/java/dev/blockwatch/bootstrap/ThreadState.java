package dev.blockwatch.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What blockwatch knows about one thread. The owning thread publishes its calls with plain
 * writes: which operation, and the call's number. blockwatch's call watch reads them from its own
 * thread, keeps the time of each call it sees, and marks a call that has outlived the threshold;
 * only a marked call reads the clock when it ends. The object is created once per thread, never
 * on the per-call path.
 */
public final class ThreadState {
    static final int UNKNOWN = 0;
    static final int UNWATCHED = 1;
    static final int WATCHED = 2;
    /** blockwatch's own threads: never watched, whatever the options say. */
    static final int OWN = 3;
    /** The start of a call that is not timed by its own thread, but by the call watch. */
    static final long NO_START = Long.MIN_VALUE;

    private static final VarHandle OPERATION;
    private static final VarHandle CALL_NUMBER;
    private static final VarHandle START;
    private static final VarHandle IN_PROGRESS_CALL;
    private static final VarHandle FINAL_CALL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OPERATION = lookup.findVarHandle(ThreadState.class, "operation", String.class);
            CALL_NUMBER = lookup.findVarHandle(ThreadState.class, "callNumber", long.class);
            START = lookup.findVarHandle(ThreadState.class, "start", long.class);
            IN_PROGRESS_CALL = lookup.findVarHandle(ThreadState.class, "inProgressCall", long.class);
            FINAL_CALL = lookup.findVarHandle(ThreadState.class, "finalCall", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread;
    int mode = UNKNOWN;
    /**
     * The operation of the outermost instrumented call under way, null between calls: nested
     * calls see it set and report nothing.
     */
    String operation;
    /** What the call under way is about, for an in-progress report. */
    Object subject;
    /** The number of the outermost call under way, or of the last one: one more for each call. */
    long callNumber;
    /** System.nanoTime() at the start of the call under way when its thread timed it; else {@link #NO_START}. */
    long start = NO_START;
    /** For a call reported only if it turns out to do a name-service lookup: none, pending or confirmed. */
    int lookup;
    /** Whether the call under way learns its subject inside it (the command a Redis client sends). */
    boolean awaitingSubject;

    /** The call that the call watch found blocked for the threshold, and the start it estimated. */
    private volatile long markedCall;
    private long markedStart;
    /** The call that the call watch sees under way, and its start, for readers on other threads. */
    private volatile long seenCall;
    private long seenStart;
    /**
     * The call reported in progress, so that it is reported once and the final report carries the
     * same call id; its exit negates it to close it.
     */
    private volatile long inProgressCall;
    private volatile long inProgressCallId;
    /** The call whose final report was claimed, by its thread or (if that missed the mark) the call watch. */
    private volatile long finalCall;

    ThreadState(Thread thread) {
        this.thread = thread;
    }

    public Thread thread() {
        return thread;
    }

    /** Starts a call: written after the call's other fields, which a reader that sees it then sees too. */
    void publish(String callOperation) {
        OPERATION.setRelease(this, callOperation);
    }

    /** The operation under way as another thread sees it, or null. */
    public String operationUnderWay() {
        return (String) OPERATION.getAcquire(this);
    }

    /** The number of the call under way (or of the last one) as another thread sees it. */
    public long callNumberUnderWay() {
        return (long) CALL_NUMBER.getOpaque(this);
    }

    /** The start of the call under way if its thread timed it, else {@link Long#MIN_VALUE}. */
    public long timedStartUnderWay() {
        return (long) START.getOpaque(this);
    }

    public static boolean isTimedStart(long start) {
        return start != NO_START;
    }

    public Object subjectUnderWay() {
        return subject;
    }

    /** The call watch saw this call under way from about {@code start}. */
    public void seen(long call, long estimatedStart) {
        seenStart = estimatedStart;
        seenCall = call;
    }

    /** The start of the call as the call watch saw it, or {@link Long#MIN_VALUE} when it has not seen it. */
    public long seenStart(long call) {
        // checked before and after, as the call watch may see this thread's next call meanwhile
        if (seenCall != call) {
            return NO_START;
        }
        long start = seenStart;
        return seenCall == call ? start : NO_START;
    }

    /** The call watch marks a call blocked for the threshold: it reads the clock when it ends. */
    public void mark(long call, long estimatedStart) {
        markedStart = estimatedStart;
        markedCall = call;
    }

    boolean isMarked(long call) {
        return markedCall == call;
    }

    long markedStart() {
        return markedStart;
    }

    /** Whether the call was reported in progress already. */
    public boolean reportedInProgress(long call) {
        long seen = inProgressCall;
        return seen == call || seen == -call;
    }

    /** Claims a call for an in-progress report under the given call id; fails when it was claimed or has ended. */
    public boolean claimInProgress(long call, long callId) {
        long seen = inProgressCall;
        if (seen == call || seen == -call) {
            return false;
        }
        // written before the claim, so that an exit that sees the claim sees the id
        inProgressCallId = callId;
        return IN_PROGRESS_CALL.compareAndSet(this, seen, call);
    }

    /**
     * Closes a call over the threshold: it can no longer be claimed for an in-progress report.
     * Returns the call id it was reported in progress under, or 0.
     */
    public long closeReportedCall(long call) {
        long seen = (long) IN_PROGRESS_CALL.getAndSet(this, -call);
        return seen == call ? inProgressCallId : 0;
    }

    /** Claims the final report of a call; true for the one claimant that reports it. */
    public boolean claimFinal(long call) {
        long seen = finalCall;
        return seen != call && FINAL_CALL.compareAndSet(this, seen, call);
    }
}
