package dev.blockwatch.watch;

/** Reactor's non-blocking scheduler threads, which carry the {@code NonBlocking} marker interface. */
final class ReactorNonBlockingThreads {
    private ReactorNonBlockingThreads() {
    }

    static boolean isNonBlocking(Thread thread) {
        return ClassHierarchy.isA(thread.getClass(), "reactor.core.scheduler.NonBlocking");
    }
}
