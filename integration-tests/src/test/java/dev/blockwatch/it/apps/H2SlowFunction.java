package dev.blockwatch.it.apps;

/**
 * A Java function that H2 calls from SQL (registered with {@code CREATE ALIAS ... FOR}): it sleeps
 * 150 ms inside the JDBC call, so the statement that calls it is slow with no socket at all. The sleep
 * is nested in that JDBC call and must not be reported on its own. It lives in its own class so that
 * a report that names it as the site (rather than the line that ran the statement) is caught.
 */
public final class H2SlowFunction {
    public static final long SLEEP_MILLIS = 150;

    private H2SlowFunction() {
    }

    public static int slowSleep() throws InterruptedException {
        Thread.sleep(SLEEP_MILLIS);
        return (int) SLEEP_MILLIS;
    }
}
