package dev.blockwatch.it.apps;

import java.io.IOException;
import java.time.Duration;

/**
 * Two slow calls on a selector loop for blockwatch's JFR events: a sleep long enough to be reported
 * while still blocked as well (at threshold 50 ms), and a wait for a child process, whose detail is
 * its command, redacted.
 */
public final class JfrScenarios {
    /** Over threshold + 500 ms at threshold 50 ms, so that the call surely has an in-progress report too. */
    public static final Duration LONG_SLEEP = Duration.ofMillis(700);
    /** How long the {@code sleep} child runs, as its argument says. */
    public static final String CHILD_SLEEP_SECONDS = "0.2";

    private JfrScenarios() {
    }

    public static void main(String[] args) throws Exception {
        // The first process start of a JVM loads and links its launcher; do it where nothing is watched.
        new ProcessBuilder("true").start().waitFor();
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            loop.call(() -> Outcome.here(sleepPastTheThreshold())).print("sleepPastTheThreshold");
            loop.call(() -> Outcome.here(waitForChildProcess())).print("waitForChildProcess");
        }
    }

    static String sleepPastTheThreshold() throws InterruptedException {
        Thread.sleep(LONG_SLEEP.toMillis());
        return "slept";
    }

    static int waitForChildProcess() throws IOException, InterruptedException {
        Process child = new ProcessBuilder("sleep", CHILD_SLEEP_SECONDS).start();
        return child.waitFor();
    }
}
