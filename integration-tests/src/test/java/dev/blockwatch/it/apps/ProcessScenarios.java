package dev.blockwatch.it.apps;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Process calls on a selector loop: a child process of about 150 ms started and waited for (with and
 * without a timeout), and a quick one started through {@code Runtime.exec} and waited for on main.
 */
public final class ProcessScenarios {
    /** How long the {@code sleep} child runs, as its argument says. */
    public static final String SLEEP_SECONDS = "0.15";
    /** A quick command that exits with 1 ("blockwatch" is not empty); no argument holds a space. */
    public static final String[] QUICK_COMMAND = {"test", "-z", "blockwatch"};

    private ProcessScenarios() {
    }

    public static void main(String[] args) throws Exception {
        // The first process start of a JVM loads and links its launcher; do it where nothing is watched.
        new ProcessBuilder("true").start().waitFor();
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            loop.call(() -> Outcome.here(startAndWaitForSleep())).print("startAndWaitForSleep");
            loop.call(() -> Outcome.here(startAndWaitForSleepWithTimeout())).print("startAndWaitForSleepWithTimeout");
            Outcome exec = loop.call(() -> Outcome.here(execQuickCommand()));
            // Waited for on main, which is not watched, so that the exec is the one call at its site.
            new Outcome(exec.thread(), exec.threadId(), ((Process) exec.value()).waitFor()).print("execQuickCommand");
        }
    }

    static int startAndWaitForSleep() throws IOException, InterruptedException {
        return new ProcessBuilder("sleep", SLEEP_SECONDS).start().waitFor();
    }

    static boolean startAndWaitForSleepWithTimeout() throws IOException, InterruptedException {
        return new ProcessBuilder("sleep", SLEEP_SECONDS).start().waitFor(10, TimeUnit.SECONDS);
    }

    static Process execQuickCommand() throws IOException {
        return Runtime.getRuntime().exec(QUICK_COMMAND);
    }
}
