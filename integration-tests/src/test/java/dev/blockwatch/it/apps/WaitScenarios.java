package dev.blockwatch.it.apps;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits of about 150 ms on a selector loop, each through one API: a CountDownLatch that is never
 * counted down, a CompletableFuture completed 150 ms later, Object.wait with a timeout, joining a
 * thread that ends after 150 ms, and a ReentrantLock another thread holds for 150 ms. Last, many
 * uncontended lock/unlock pairs, which never wait. The other threads are plain ones, not watched.
 */
public final class WaitScenarios {
    public static final Duration WAIT = Duration.ofMillis(150);
    public static final int UNCONTENDED_LOCKS = 1000;

    private WaitScenarios() {
    }

    public static void main(String[] args) throws Exception {
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            loop.call(() -> Outcome.here(awaitLatch())).print("awaitLatch");

            CompletableFuture<String> future = new CompletableFuture<>();
            afterWait("completer", () -> future.complete("completed"));
            loop.call(() -> Outcome.here(getFuture(future))).print("getFuture");

            loop.call(() -> Outcome.here(waitOnMonitor(new Object()))).print("waitOnMonitor");

            Thread ending = afterWait("ending", () -> { });
            loop.call(() -> Outcome.here(joinThread(ending))).print("joinThread");

            ReentrantLock lock = new ReentrantLock();
            CountDownLatch held = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                lock.lock();
                try {
                    held.countDown();
                    Thread.sleep(WAIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lock.unlock();
                }
            }, "lock-holder");
            holder.start();
            held.await(); // on main: the loop asks for the lock only once the holder has it
            loop.call(() -> Outcome.here(lockContended(lock))).print("lockContended");

            loop.call(() -> Outcome.here(lockUncontended(new ReentrantLock()))).print("lockUncontended");
        }
    }

    /** Starts a plain thread that runs the action after {@link #WAIT}. */
    private static Thread afterWait(String name, Runnable action) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(WAIT.toMillis());
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        return thread;
    }

    static boolean awaitLatch() throws InterruptedException {
        return new CountDownLatch(1).await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String getFuture(CompletableFuture<String> future) throws Exception {
        return future.get();
    }

    static String waitOnMonitor(Object monitor) throws InterruptedException {
        synchronized (monitor) {
            monitor.wait(WAIT.toMillis()); // nobody notifies: returns after the timeout
        }
        return "waited";
    }

    static boolean joinThread(Thread thread) throws InterruptedException {
        thread.join();
        return thread.isAlive();
    }

    static String lockContended(ReentrantLock lock) {
        lock.lock();
        try {
            return "locked";
        } finally {
            lock.unlock();
        }
    }

    static int lockUncontended(ReentrantLock lock) {
        int locked = 0;
        for (int i = 0; i < UNCONTENDED_LOCKS; i++) {
            lock.lock();
            try {
                locked++;
            } finally {
                lock.unlock();
            }
        }
        return locked;
    }
}
