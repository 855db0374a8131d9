package dev.blockwatch.it.apps;

import dev.blockwatch.Blockwatch;

/**
 * Sleeps on the main thread, marked as watched through the public API, at fixed sites, for a
 * report that {@code check} judges. {@code first}: three sleeps of {@link #STEADY_MS} in
 * {@code steady} and three of {@link #SLOWING_MS} in {@code slowing}. {@code second}: the same
 * steady sleeps, {@code slowing} three times as long from another line of the same method, and a
 * new site, {@code added}. Nothing else blocks on the main thread once it is watched.
 */
public final class CheckScenarios {
    public static final long STEADY_MS = 40;
    public static final long SLOWING_MS = 50;
    public static final int CALLS = 3;

    private CheckScenarios() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean second = args[0].equals("second");
        Blockwatch.watchCurrentThread();
        for (int i = 0; i < CALLS; i++) {
            steady();
            slowing(second);
        }
        if (second) {
            added();
        }
    }

    static void steady() throws InterruptedException {
        Thread.sleep(STEADY_MS);
    }

    /** One site key, two lines: the key leaves the line out, so the second run is slower, not new. */
    static void slowing(boolean threeTimesAsLong) throws InterruptedException {
        if (threeTimesAsLong) {
            Thread.sleep(3 * SLOWING_MS);
        } else {
            Thread.sleep(SLOWING_MS);
        }
    }

    static void added() throws InterruptedException {
        Thread.sleep(STEADY_MS);
    }
}
