package dev.blockwatch.report;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Finds where the log sink writes for a given application class loader: the application's
 * own SLF4J logger {@code blockwatch} when that loader sees SLF4J with a real provider, else
 * stderr. SLF4J is reached by reflection, so blockwatch ships none and never clashes with the
 * application's version. Used only from the writer thread.
 */
final class LogTargets {
    /** Somewhere a warning can be written. */
    interface LogTarget {
        void warn(String message);
    }

    /** The application's stderr at the moment of writing: it may replace System.err at any time. */
    static final LogTarget STDERR = message -> System.err.println(message);

    private static final String NO_OP_LOGGER = "org.slf4j.helpers.NOPLogger";

    private final Map<ClassLoader, LogTarget> byLoader = new WeakHashMap<>();

    LogTarget forLoader(ClassLoader loader) {
        ClassLoader key = loader != null ? loader : ClassLoader.getSystemClassLoader();
        LogTarget target = byLoader.get(key);
        if (target == null) {
            target = lookUp(key);
            byLoader.put(key, target);
        }
        return target;
    }

    private LogTarget lookUp(ClassLoader loader) {
        try {
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory", true, loader);
            Object logger = factory.getMethod("getLogger", String.class).invoke(null, "blockwatch");
            if (logger != null && !logger.getClass().getName().equals(NO_OP_LOGGER)) {
                return new Slf4jTarget(logger);
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // no usable SLF4J in this loader
        }
        ClassLoader system = ClassLoader.getSystemClassLoader();
        return loader == system ? STDERR : forLoader(system);
    }

    /**
     * The application's logger, held weakly so that blockwatch never keeps a class loader alive
     * (SLF4J's factory holds it as long as the application lives). Its {@code warn} method is
     * looked up for each line: a {@code Method} held weakly would be collected at the next
     * garbage collection, nothing else referring to it, and held strongly would keep the loader.
     */
    private static final class Slf4jTarget implements LogTarget {
        private final WeakReference<Object> logger;

        Slf4jTarget(Object logger) {
            this.logger = new WeakReference<>(logger);
        }

        @Override
        public void warn(String message) {
            Object target = logger.get();
            if (target == null) {
                STDERR.warn(message);
                return;
            }
            try {
                Class<?> api = Class.forName("org.slf4j.Logger", false, target.getClass().getClassLoader());
                api.getMethod("warn", String.class).invoke(target, message);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                STDERR.warn(message);
            }
        }
    }
}
