package dev.blockwatch.watch;

import java.lang.reflect.Method;

/**
 * Vert.x event-loop threads, not its worker threads: a {@code VertxThread} knows which it is
 * ({@code isWorker()}).
 */
final class VertxEventLoops {
    private static final String VERTX_THREAD = "io.vertx.core.impl.VertxThread";

    private VertxEventLoops() {
    }

    static boolean isEventLoop(Thread thread) {
        if (!ClassHierarchy.isA(thread.getClass(), VERTX_THREAD)) {
            return false;
        }
        try {
            Method isWorker = thread.getClass().getMethod("isWorker");
            return !((Boolean) isWorker.invoke(thread));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }
}
