package dev.blockwatch.bootstrap;

/**
 * What blockwatch knows about one thread. Only the owning thread writes it, so plain fields
 * suffice; the state object is created once per thread, never on the per-call path.
 */
public final class ThreadState {
    static final int UNKNOWN = 0;
    static final int UNWATCHED = 1;
    static final int WATCHED = 2;
    /** blockwatch's own threads: never watched, whatever the options say. */
    static final int OWN = 3;

    int mode = UNKNOWN;
    /** True while an outermost instrumented call runs, so that nested calls report once. */
    boolean inCall;
    /** System.nanoTime() at the start of the current outermost call. */
    long start;

    ThreadState() {
    }
}
