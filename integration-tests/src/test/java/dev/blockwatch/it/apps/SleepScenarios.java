package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Sleeps of 150 ms on a selector loop, through each way an application commonly sleeps. */
public final class SleepScenarios {
    public static final Duration SLEEP = Duration.ofMillis(150);

    private SleepScenarios() {
    }

    public static void main(String[] args) throws Exception {
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            run(loop, "sleepMillis", SleepScenarios::sleepMillis);
            run(loop, "sleepMillisAndNanos", SleepScenarios::sleepMillisAndNanos);
            run(loop, "sleepThroughTimeUnit", SleepScenarios::sleepThroughTimeUnit);
            run(loop, "sleepInALambda", SleepScenarios::sleepInALambda);
            run(loop, "sleepAfterABurstOfCalls", SleepScenarios::sleepAfterABurstOfCalls);
            run(loop, "sleepUnqualifiedInAThreadSubclass", Napper::nap);
        }
    }

    private static void run(SelectorLoop loop, String scenario, Callable<Object> call) throws Exception {
        loop.call(() -> Outcome.here(call.call())).print(scenario);
    }

    static String sleepMillis() throws InterruptedException {
        Thread.sleep(SLEEP.toMillis());
        return "slept";
    }

    static String sleepMillisAndNanos() throws InterruptedException {
        Thread.sleep(SLEEP.toMillis(), 500);
        return "slept";
    }

    /** TimeUnit is the JDK's: the call is Thread.sleep, and its site is here. */
    static String sleepThroughTimeUnit() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(SLEEP.toMillis());
        return "slept";
    }

    /** A lambda's body is a synthetic method of this class, where JDK 17's native sleep is rewritten too. */
    static String sleepInALambda() throws Exception {
        Callable<String> sleeper = () -> {
            Thread.sleep(SLEEP.toMillis());
            return "slept";
        };
        return sleeper.call();
    }

    /**
     * 300 ms of zero-byte file reads, millions of timed calls a second, hand the timing of this
     * thread's calls to blockwatch's call watch; the sleep right after is then timed by it.
     */
    static String sleepAfterABurstOfCalls() throws IOException, InterruptedException {
        byte[] nothing = new byte[0];
        try (FileInputStream zero = new FileInputStream("/dev/zero")) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() - end < 0) {
                zero.read(nothing, 0, 0);
            }
        }
        Thread.sleep(SLEEP.toMillis());
        return "slept";
    }

    /** In a subclass of Thread, an unqualified {@code sleep} is compiled as a call of the subclass's. */
    public static final class Napper extends Thread {
        static String nap() throws InterruptedException {
            sleep(SLEEP.toMillis());
            return "slept";
        }
    }
}
