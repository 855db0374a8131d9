package application;

/**
 * Where the benchmark's {@code Thread.sleep} is called from. On JDK 17, where {@code Thread.sleep(long)} is native,
 * the agent times it by rewriting the calls to it in application classes as they load, and it leaves every class
 * under {@code dev.blockwatch} alone as its own: a call made from the benchmark's package would go untimed.
 */
public final class SleepCallSite {
    private SleepCallSite() {
    }

    public static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
