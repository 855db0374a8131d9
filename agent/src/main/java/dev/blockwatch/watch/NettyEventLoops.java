package dev.blockwatch.watch;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Netty's I/O event-loop threads, of any transport (NIO, epoll, kqueue, io_uring). Every Netty
 * thread is a FastThreadLocalThread, including those of the DefaultEventExecutorGroup that
 * users offload blocking handlers to, so the test is the thread's current executor: an
 * {@code IoEventLoop} (4.2) or an {@code EventLoop} other than {@code DefaultEventLoop} (4.1).
 */
final class NettyEventLoops {
    private static final String EXECUTOR_MAP = "io.netty.util.internal.ThreadExecutorMap";
    /** Netty before 4.1.36 has no executor map; its I/O loops are known by their group's name. */
    private static final Pattern OLD_NETTY_LOOP_NAMES =
            Pattern.compile("(nio|epoll|kqueue|io_uring|ioUring)EventLoopGroup-\\d+-\\d+");
    private static final Map<ClassLoader, Method> CURRENT_EXECUTOR = new WeakHashMap<>();

    private NettyEventLoops() {
    }

    static boolean isIoEventLoop(Thread thread) {
        if (!ClassHierarchy.isA(thread.getClass(), "io.netty.util.concurrent.FastThreadLocalThread")) {
            return false;
        }
        Method currentExecutor = currentExecutorMethod(thread.getClass().getClassLoader());
        if (currentExecutor == null) {
            return OLD_NETTY_LOOP_NAMES.matcher(thread.getName()).matches();
        }
        Object executor;
        try {
            executor = currentExecutor.invoke(null);
        } catch (ReflectiveOperationException e) {
            return false;
        }
        if (executor == null) {
            return false;
        }
        Class<?> type = executor.getClass();
        return ClassHierarchy.isA(type, "io.netty.channel.IoEventLoop")
                || (ClassHierarchy.isA(type, "io.netty.channel.EventLoop")
                    && !ClassHierarchy.isA(type, "io.netty.channel.DefaultEventLoop"));
    }

    private static Method currentExecutorMethod(ClassLoader loader) {
        synchronized (CURRENT_EXECUTOR) {
            if (CURRENT_EXECUTOR.containsKey(loader)) {
                return CURRENT_EXECUTOR.get(loader);
            }
            Method method;
            try {
                method = Class.forName(EXECUTOR_MAP, true, loader).getMethod("currentExecutor");
            } catch (ReflectiveOperationException | LinkageError e) {
                method = null;
            }
            CURRENT_EXECUTOR.put(loader, method);
            return method;
        }
    }
}
