package dev.blockwatch.it;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a child JVM once per JDK and hands every test of a class the same outcome, so that several
 * scenarios share one JVM start. A failed run is remembered too: each test that needs it fails
 * with the cause instead of starting the child again.
 */
final class OncePerJdk<T> {
    private final Function<Jdk, T> run;
    private final Map<Jdk, T> results = new HashMap<>();
    private final Map<Jdk, Throwable> failures = new HashMap<>();

    OncePerJdk(Function<Jdk, T> run) {
        this.run = run;
    }

    synchronized T get(Jdk jdk) {
        if (!results.containsKey(jdk) && !failures.containsKey(jdk)) {
            try {
                results.put(jdk, run.apply(jdk));
            } catch (RuntimeException | AssertionError e) {
                failures.put(jdk, e);
            }
        }
        Throwable failure = failures.get(jdk);
        if (failure != null) {
            throw new AssertionError("the child JVM shared by these tests failed on " + jdk + ": "
                    + failure.getMessage(), failure);
        }
        return results.get(jdk);
    }
}
