package dev.blockwatch.instrument;


import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.NativeCallSubstitutes;
import dev.blockwatch.config.Category;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code Thread.sleep(long)} and {@code Object.wait(long)} are native on JDK 17, and a native
 * method cannot be wrapped by retransformation without adding a method to the JDK class (what
 * BlockHound does, with a JVM flag). Instead, the application's calls to them are rewritten, as
 * its classes load (or, on attach, by retransforming those loaded already), into calls to
 * {@link NativeCallSubstitutes}, which time them ({@link NativeCallRewriter}). On JDKs where these methods
 * have a body, {@link SleepInstrumentation} and {@link WaitInstrumentation} cover them and nothing
 * here is installed.
 */
public final class NativeCallSites {
    private static final int RETRANSFORM_BATCH = 200;

    private NativeCallSites() {
    }

    /**
     * @param rewriteLoaded whether classes loaded already are rewritten too (on attach to a
     *                      running JVM, whose application classes are all loaded)
     * @return the rewriting transformer, for {@link #remove}; null when this JDK needs none
     */
    public static ClassFileTransformer install(Instrumentation instrumentation, Set<Category> categories,
                                               boolean rewriteLoaded, Consumer<String> onError)
            throws NoSuchMethodException {
        boolean sleeps = categories.contains(Category.SLEEP) && isNative(Thread.class.getDeclaredMethod("sleep", long.class));
        boolean waits = categories.contains(Category.WAIT) && isNative(Object.class.getDeclaredMethod("wait", long.class));
        if (sleeps) {
            BlockwatchRuntime.registerOperation(NativeCallSubstitutes.SLEEP, Category.SLEEP.ordinal(), "java.lang.Thread");
        }
        if (waits) {
            BlockwatchRuntime.registerOperation(NativeCallSubstitutes.WAIT, Category.WAIT.ordinal(), "java.lang.Object");
        }
        if (!sleeps && !waits) {
            return null;
        }
        ClassFileTransformer filter = new NativeCallRewriter(sleeps, waits);
        instrumentation.addTransformer(filter, true);
        if (rewriteLoaded) {
            retransformApplicationClasses(instrumentation, onError);
        }
        return filter;
    }

    /** Removes the rewriting, and gives the classes it rewrote back their own bytecode. */
    public static void remove(Instrumentation instrumentation, ClassFileTransformer rewriter, Consumer<String> onError) {
        if (instrumentation.removeTransformer(rewriter)) {
            retransformApplicationClasses(instrumentation, onError);
        }
    }

    /**
     * Retransforms the application's loaded classes, in batches: while the rewriter is installed
     * it sees their bytes, and those that call no native sleep or wait come back unchanged; once
     * it is removed, every class gets its own bytecode back.
     */
    private static void retransformApplicationClasses(Instrumentation instrumentation, Consumer<String> onError) {
        List<Class<?>> batch = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() != null && !type.isArray() && !type.isHidden()
                    && instrumentation.isModifiableClass(type) && !OwnTypes.isJdkOrOwnName(type.getName())) {
                batch.add(type);
                if (batch.size() == RETRANSFORM_BATCH) {
                    retransform(instrumentation, batch, onError);
                    batch.clear();
                }
            }
        }
        retransform(instrumentation, batch, onError);
    }

    /**
     * Retransforms a batch; if the JVM refuses one class of it (it fails the whole batch), the
     * classes are retransformed one by one, and those it refuses are left as they are.
     */
    private static void retransform(Instrumentation instrumentation, List<Class<?>> batch, Consumer<String> onError) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(batch.toArray(new Class<?>[0]));
        } catch (Exception | LinkageError | InternalError batchFailure) {
            List<String> refused = new ArrayList<>();
            Throwable reason = batchFailure;
            for (Class<?> type : batch) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Exception | LinkageError | InternalError e) {
                    refused.add(type.getName());
                    reason = e;
                    BlockwatchRuntime.countFailure();
                }
            }
            if (!refused.isEmpty()) {
                onError.accept(refused.size() + " loaded classes (" + String.join(", ", refused.subList(0,
                        Math.min(3, refused.size()))) + (refused.size() > 3 ? ", ..." : "")
                        + "), to rewrite their calls to native sleeps and waits: " + reason);
            }
        }
    }

    private static boolean isNative(Method method) {
        return Modifier.isNative(method.getModifiers());
    }
}
