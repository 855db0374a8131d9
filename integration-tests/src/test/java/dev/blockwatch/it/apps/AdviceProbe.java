package dev.blockwatch.it.apps;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether blockwatch's advice runs at all in this JVM, whatever blockwatch reports: the probe
 * installs a listener of its own into the bootstrap runtime that every piece of advice calls
 * (threshold 0, every thread watched), makes a call that advice times, and counts the calls the
 * listener heard of. After detach it must hear none: the classes have their own bytecode back.
 * The probe takes blockwatch's place in the runtime, and leaves it deactivated.
 */
public final class AdviceProbe {
    private static final String RUNTIME = "dev.blockwatch.bootstrap.BlockwatchRuntime";

    private AdviceProbe() {
    }

    /** {@code advice ran} or {@code advice did not run}, after making the call on this thread. */
    public static String runs(Runnable timedCall) throws ReflectiveOperationException {
        Class<?> runtime = Class.forName(RUNTIME, true, null);
        Class<?> listenerType = Class.forName("dev.blockwatch.bootstrap.BlockingCallListener", false, null);
        Class<?> classifierType = Class.forName("dev.blockwatch.bootstrap.ThreadClassifier", false, null);
        AtomicInteger heard = new AtomicInteger();
        Object listener = proxy(listenerType, (proxy, method, args) -> {
            if (method.getName().equals("onBlockingCall")) {
                heard.incrementAndGet();
            }
            return objectMethod(proxy, method, args);
        });
        Object everyThread = proxy(classifierType, (proxy, method, args) ->
                method.getName().equals("isWatched") ? Boolean.TRUE : objectMethod(proxy, method, args));
        Method activate = runtime.getMethod("activate", listenerType, classifierType, long.class, boolean.class);
        Method deactivate = runtime.getMethod("deactivate");
        deactivate.invoke(null);
        activate.invoke(null, listener, everyThread, 0L, false);
        try {
            timedCall.run();
        } finally {
            deactivate.invoke(null);
        }
        return heard.get() > 0 ? "advice ran" : "advice did not run";
    }

    private static Object proxy(Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(AdviceProbe.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "advice probe";
            default:
                return null;
        }
    }
}
