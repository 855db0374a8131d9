package dev.blockwatch.bootstrap;

/**
 * What the application's calls to JDK methods that are native on this JDK ({@code Thread.sleep(long)}
 * and {@code Object.wait(long)} on JDK 17) are rewritten to call: the same call, timed. A native
 * method cannot be wrapped by retransformation without adding a method to the JDK class.
 */
public final class NativeCallSubstitutes {
    public static final String SLEEP = "java.lang.Thread.sleep";
    public static final String WAIT = "java.lang.Object.wait";

    private NativeCallSubstitutes() {
    }

    public static void sleep(long millis) throws InterruptedException {
        ThreadState call = BlockwatchRuntime.enter(SLEEP, null);
        try {
            Thread.sleep(millis);
        } finally {
            if (call != null) {
                BlockwatchRuntime.exit(call, BlockwatchRuntime.REGISTERED_CATEGORY, SLEEP, null);
            }
        }
    }

    /** Called with the monitor held, like {@code monitor.wait(millis)} itself. */
    public static void wait(Object monitor, long millis) throws InterruptedException {
        ThreadState call = BlockwatchRuntime.enter(WAIT, null);
        try {
            monitor.wait(millis);
        } finally {
            if (call != null) {
                BlockwatchRuntime.exit(call, BlockwatchRuntime.REGISTERED_CATEGORY, WAIT, null);
            }
        }
    }
}
