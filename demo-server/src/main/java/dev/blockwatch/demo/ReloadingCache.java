package dev.blockwatch.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A cache that its own reloader thread rebuilds under the cache's lock, holding the lock for the
 * whole reload. A request that reads under the same lock while a reload runs waits for it: the lock
 * convoy that stalls an event loop although nothing looks like I/O.
 */
final class ReloadingCache implements AutoCloseable {
    private static final Duration SPIN_LIMIT = Duration.ofSeconds(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final BlockingQueue<Boolean> reloadRequests = new LinkedBlockingQueue<>();
    private final AtomicLong reloadsStarted = new AtomicLong();
    private final Duration reloadTime;
    private final Thread reloader;
    private volatile String value = "empty";

    ReloadingCache(Duration reloadTime) {
        this.reloadTime = reloadTime;
        reloader = new Thread(this::reloadOnRequest, "cache-reloader");
        reloader.setDaemon(true);
        reloader.start();
    }

    /** The lock that guards the cache: hold it to read a consistent value. */
    ReentrantLock lock() {
        return lock;
    }

    String value() {
        return value;
    }

    /**
     * Asks the reloader to reload, and returns once it holds the lock, so that the caller's next
     * {@code lock()} waits for the whole reload every time rather than by luck. It spins rather than
     * waits, briefly, so that this hand-over is not itself a blocking call.
     */
    void startReload() {
        long before = reloadsStarted.get();
        reloadRequests.add(Boolean.TRUE);
        Instant giveUp = Instant.now().plus(SPIN_LIMIT);
        while (reloadsStarted.get() == before && Instant.now().isBefore(giveUp)) {
            Thread.onSpinWait();
        }
    }

    private void reloadOnRequest() {
        try {
            while (true) {
                reloadRequests.take();
                lock.lock();
                try {
                    reloadsStarted.incrementAndGet();
                    Thread.sleep(reloadTime.toMillis()); // rebuilding the cache, lock held
                    value = "reloaded at " + Instant.now();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        reloader.interrupt();
    }
}
