package dev.blockwatch.it.apps;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What a scenario's task returned and on which thread it ran; the application prints it as
 * {@code <scenario>.thread=}, {@code <scenario>.threadId=} and {@code <scenario>.value=} lines
 * for the test to match against the report.
 */
public record Outcome(String thread, long threadId, Object value) {

    /** The value, with the thread that computes it: call it on the thread that ran the task. */
    public static Outcome here(Object value) {
        Thread current = Thread.currentThread();
        return new Outcome(current.getName(), current.getId(), value);
    }

    /** Runs the task on a new plain thread of the given name (unwatched unless an option says so). */
    public static Outcome onNewThread(String name, Callable<?> task) throws Exception {
        FutureTask<Outcome> run = new FutureTask<>(() -> here(task.call()));
        Thread thread = new Thread(run, name);
        thread.start();
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    public void print(String scenario) {
        System.out.println(scenario + ".thread=" + thread);
        System.out.println(scenario + ".threadId=" + threadId);
        System.out.println(scenario + ".value=" + value);
    }
}
