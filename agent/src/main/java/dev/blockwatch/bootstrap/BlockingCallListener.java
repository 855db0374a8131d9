package dev.blockwatch.bootstrap;

/**
 * Receives every call that lasted at least the threshold, on the thread that made it, while
 * that thread is still inside the instrumented method (so its stack can be taken). The
 * implementation lives outside the bootstrap class loader.
 */
public interface BlockingCallListener {
    /**
     * @param category      the category's id (its ordinal in the agent's category list)
     * @param operation     the API the application called, e.g. {@code java.io.FileInputStream.read}
     * @param detail        what the call was about (a path, a socket, a channel, a host) or null
     * @param startNanos    {@link System#nanoTime()} when the call started
     * @param durationNanos how long it took
     * @param callNumber    the call's number on its thread, one more for each call the thread makes
     * @param inProgressCallId the call id its in-progress report had, or 0 when it had none
     */
    void onBlockingCall(int category, String operation, Object detail, long startNanos, long durationNanos,
                        long callNumber, long inProgressCallId);
}
