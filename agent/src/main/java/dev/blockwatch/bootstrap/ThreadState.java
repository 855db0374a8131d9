package dev.blockwatch.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What blockwatch knows about one thread. The owning thread writes the call fields with plain
 * writes; blockwatch's in-progress watch reads them from its own thread and validates what it
 * read. The object is created once per thread, never on the per-call path.
 */
public final class ThreadState {
    static final int UNKNOWN = 0;
    static final int UNWATCHED = 1;
    static final int WATCHED = 2;
    /** blockwatch's own threads: never watched, whatever the options say. */
    static final int OWN = 3;

    private static final VarHandle OPERATION;
    private static final VarHandle START;
    private static final VarHandle REPORTED_START;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OPERATION = lookup.findVarHandle(ThreadState.class, "operation", String.class);
            START = lookup.findVarHandle(ThreadState.class, "start", long.class);
            REPORTED_START = lookup.findVarHandle(ThreadState.class, "reportedStart", long.class);
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
    /** System.nanoTime() at the start of the call under way. */
    long start;
    /** For a call reported only if it turns out to do a name-service lookup: none, pending or confirmed. */
    int lookup;
    /** Whether the call under way learns its subject inside it (the command a Redis client sends). */
    boolean awaitingSubject;
    /**
     * The start of the call that the in-progress watch reported, so that it reports a call
     * once and the final report carries the same call id; the exit negates it to close the call.
     */
    private volatile long reportedStart;
    private volatile long inProgressCallId;

    ThreadState(Thread thread) {
        this.thread = thread;
    }

    public Thread thread() {
        return thread;
    }

    /** The operation under way as another thread sees it, or null. */
    public String operationUnderWay() {
        return (String) OPERATION.getOpaque(this);
    }

    /** The start of the call under way as another thread sees it. */
    public long startUnderWay() {
        return (long) START.getOpaque(this);
    }

    public Object subjectUnderWay() {
        return subject;
    }

    /** Whether the call that started at {@code start} was reported in progress already. */
    public boolean reportedInProgress(long start) {
        long seen = reportedStart;
        return seen == start || seen == -start;
    }

    /**
     * Claims the call that started at {@code start} for an in-progress report under the given
     * call id. Fails when it was claimed already or has ended.
     */
    public boolean claimInProgress(long start, long callId) {
        long seen = reportedStart;
        if (seen == start || seen == -start) {
            return false;
        }
        // written before the claim, so that an exit that sees the claim sees the id
        inProgressCallId = callId;
        return REPORTED_START.compareAndSet(this, seen, start);
    }

    /**
     * Closes the call that started at {@code start} (only for a call over the threshold): the
     * in-progress watch can no longer claim it. Returns the call id it was reported in
     * progress under, or 0.
     */
    long closeReportedCall(long callStart) {
        long seen = (long) REPORTED_START.getAndSet(this, -callStart);
        return seen == callStart ? inProgressCallId : 0;
    }
}
