package dev.blockwatch.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Runs a child JVM once per JDK and hands every test of a class the same outcome, so that several
 * scenarios share one JVM start. The first test that asks starts the child on every JDK at once: a
 * child is mostly one busy JVM start, and the build machine has two cores. A failed run is
 * remembered too: each test that needs it fails with the cause instead of starting the child again.
 */
final class OncePerJdk<T> {
    private final String name;
    private final List<Jdk> jdks;
    private final Function<Jdk, T> run;
    private Map<Jdk, CompletableFuture<T>> runs;

    OncePerJdk(Function<Jdk, T> run) {
        this("child", run);
    }

    OncePerJdk(String name, Function<Jdk, T> run) {
        this(name, Jdk.all(), run);
    }

    /** Runs only on the given JDKs, for a scenario that needs a JDK feature the others lack. */
    OncePerJdk(String name, List<Jdk> jdks, Function<Jdk, T> run) {
        this.name = name;
        this.jdks = jdks;
        this.run = run;
    }

    T get(Jdk jdk) {
        CompletableFuture<T> outcome;
        synchronized (this) {
            if (runs == null) {
                runs = startOnEveryJdk();
            }
            outcome = runs.get(jdk);
        }
        if (outcome == null) {
            throw new AssertionError("the " + name + " JVM does not run on " + jdk + ", only on " + jdks);
        }
        try {
            return outcome.join();
        } catch (CompletionException e) {
            throw new AssertionError("the " + name + " JVM shared by these tests failed on " + jdk + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private Map<Jdk, CompletableFuture<T>> startOnEveryJdk() {
        Map<Jdk, CompletableFuture<T>> started = new HashMap<>();
        for (Jdk jdk : jdks) {
            started.put(jdk, CompletableFuture.supplyAsync(() -> run.apply(jdk), task -> {
                Thread launcher = new Thread(task, name + " on " + jdk);
                launcher.setDaemon(true);
                launcher.start();
            }));
        }
        return started;
    }
}
