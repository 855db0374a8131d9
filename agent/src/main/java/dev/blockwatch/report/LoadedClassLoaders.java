package dev.blockwatch.report;

import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the class loader of a class known only by name, as in a stack taken from another
 * thread: the application's logging lives in the loader of the code that made the call. Used
 * only by the call watch; the answer is remembered, weakly.
 */
final class LoadedClassLoaders {
    private final Instrumentation instrumentation;
    private final Map<String, WeakReference<ClassLoader>> byClassName = new HashMap<>();

    LoadedClassLoaders(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** The loader of the loaded class of that name, or null when there is none or it is the bootstrap loader. */
    synchronized ClassLoader loaderOf(String className) {
        WeakReference<ClassLoader> known = byClassName.get(className);
        ClassLoader loader = known == null ? null : known.get();
        if (loader == null) {
            for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
                if (loaded.getName().equals(className) && loaded.getClassLoader() != null) {
                    loader = loaded.getClassLoader();
                    byClassName.put(className, new WeakReference<>(loader));
                    break;
                }
            }
        }
        return loader;
    }
}
