package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.blockwatch.it.apps.AttachTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@link AttachTarget} for the {@code attach}/{@code list} tests: {@link ChildJvm#run}
 * blocks until the child exits, so it runs on a background thread while the test drives the child
 * through files in its directory (ready, {@code go-<n>}/{@code done-<n>}, stop).
 */
final class TargetJvm implements AutoCloseable {
    /** The child's own limit; {@link AttachTarget} gives up by itself a little later. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final Duration SCENARIO_WITHIN = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private final ChildJvm child;
    private final Jdk jdk;
    private final CompletableFuture<ChildJvm.Result> run = new CompletableFuture<>();
    private long pid;

    private TargetJvm(ChildJvm child, Jdk jdk) {
        this.child = child;
        this.jdk = jdk;
    }

    /** Starts {@link AttachTarget} (no agent) with the given JVM flags on the JDK, and waits for its ready file. */
    static TargetJvm start(Jdk jdk, Path workDir, String... jvmFlags) {
        ChildJvm child = ChildJvm.on(jdk, workDir).libraries("netty-").timeout(TIMEOUT);
        for (String flag : jvmFlags) {
            child.jvmFlag(flag);
        }
        TargetJvm target = new TargetJvm(child, jdk);
        Thread launcher = new Thread(() -> {
            try {
                target.run.complete(child.run(AttachTarget.class));
            } catch (Throwable t) {
                target.run.completeExceptionally(t);
            }
        }, "attach target on " + jdk);
        launcher.setDaemon(true);
        launcher.start();
        try {
            target.pid = Long.parseLong(target.awaitFile(AttachTarget.READY_FILE, READY_WITHIN).lines().findFirst()
                    .orElseThrow().trim());
        } catch (RuntimeException | Error e) {
            target.close();
            throw e;
        }
        return target;
    }

    long pid() {
        return pid;
    }

    Jdk jdk() {
        return jdk;
    }

    /** Where the agent's report belongs: the target's {@code ChildJvm} report file. */
    Path reportFile() {
        return child.reportFile();
    }

    String outputSoFar() {
        return child.outputSoFar();
    }

    /** Has the target run its 150 ms sleep on the event loop (trigger {@code go-<n>}) and waits until it is done. */
    void runScenario(int n) {
        touch(AttachTarget.goFile(n));
        awaitFile(AttachTarget.doneFile(n), SCENARIO_WITHIN);
    }

    /** Runs trigger n as an advice probe ({@code AdviceProbe}); its verdict is the fact {@code go-<n>.value}. */
    void runProbe(int n) {
        touch(AttachTarget.probeFile(n));
        awaitFile(AttachTarget.doneFile(n), SCENARIO_WITHIN);
    }

    /** Asks the target to stop and waits for it to exit; its result (output, report). */
    ChildJvm.Result stop() {
        touch(AttachTarget.STOP_FILE);
        try {
            return run.get(TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError("the target on " + jdk + " could not be run: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the target on " + jdk + " did not end\n" + outputSoFar(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the target", e);
        }
    }

    /** Stops a target the test has not stopped (after a failure), not hiding that failure. */
    @Override
    public void close() {
        if (!run.isDone()) {
            touch(AttachTarget.STOP_FILE);
            try {
                run.get(TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the first failure is the one the test reports
            }
        }
    }

    private void touch(String name) {
        try {
            Files.writeString(child.directory().resolve(name), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of a file the target writes, once it exists; fails if the target ends first or the time runs out. */
    private String awaitFile(String name, Duration within) {
        Path file = child.directory().resolve(name);
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (!Files.exists(file)) {
                if (run.isDone()) {
                    String how;
                    try {
                        how = run.join().describe();
                    } catch (RuntimeException e) {
                        how = e.getCause() + "\n" + outputSoFar();
                    }
                    fail("the target on " + jdk + " ended before writing " + name + "\n" + how);
                }
                if (System.nanoTime() - deadline > 0) {
                    fail("the target on " + jdk + " wrote no " + name + " within " + within.toSeconds() + " s\n"
                            + outputSoFar());
                }
                Thread.sleep(POLL_MILLIS);
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + file, e);
        }
    }
}
