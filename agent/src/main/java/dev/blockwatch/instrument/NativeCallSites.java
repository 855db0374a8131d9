package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.NativeCallSubstitutes;
import dev.blockwatch.config.Category;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code Thread.sleep(long)} and {@code Object.wait(long)} are native on JDK 17, and a native
 * method cannot be wrapped by retransformation without adding a method to the JDK class (what
 * BlockHound does, with a JVM flag). Instead, the application's calls to them are rewritten, as
 * its classes load (or, on attach, by retransforming those loaded already), into calls to
 * {@link NativeCallSubstitutes}, which time them. Only classes
 * whose constant pool names such a method are handed to Byte Buddy. On JDKs where these methods
 * have a body, {@link SleepInstrumentation} and {@link WaitInstrumentation} cover them and nothing
 * here is installed.
 */
public final class NativeCallSites {
    private static final byte[] LONG_TO_VOID = "(J)V".getBytes(StandardCharsets.UTF_8);
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
        List<Rewrite> rewrites = new ArrayList<>();
        if (categories.contains(Category.SLEEP) && isNative(Thread.class.getDeclaredMethod("sleep", long.class))) {
            BlockwatchRuntime.registerOperation(NativeCallSubstitutes.SLEEP, Category.SLEEP.ordinal(), "java.lang.Thread");
            rewrites.add(new Rewrite("sleep", named("sleep").and(isDeclaredBy(Thread.class)).and(takesArguments(long.class)),
                    NativeCallSubstitutes.class.getMethod("sleep", long.class)));
        }
        if (categories.contains(Category.WAIT) && isNative(Object.class.getDeclaredMethod("wait", long.class))) {
            BlockwatchRuntime.registerOperation(NativeCallSubstitutes.WAIT, Category.WAIT.ordinal(), "java.lang.Object");
            rewrites.add(new Rewrite("wait", named("wait").and(isDeclaredBy(Object.class)).and(takesArguments(long.class)),
                    NativeCallSubstitutes.class.getMethod("wait", Object.class, long.class)));
        }
        if (rewrites.isEmpty()) {
            return null;
        }
        // Byte Buddy leaves synthetic methods alone by default, and a lambda's body is one
        ClassFileTransformer rewriter = AgentBuilders.create(onError, new ByteBuddy().ignore(none()))
                .ignore(OwnTypes.JDK_OR_OWN)
                .type(any())
                .transform((builder, type, loader, module, domain) -> {
                    for (Rewrite rewrite : rewrites) {
                        builder = builder.visit(MemberSubstitution.relaxed().method(rewrite.target)
                                .replaceWith(rewrite.substitute).on(any()));
                    }
                    return builder;
                })
                .makeRaw();
        ClassFileTransformer filter = new ConstantPoolFilter(rewriter, rewrites);
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
                    && instrumentation.isModifiableClass(type) && !OwnTypes.JDK_OR_OWN.matches(TypeDescription.ForLoadedType.of(type))) {
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

    /** One native method and its timed substitute. */
    private static final class Rewrite {
        final byte[] name;
        final ElementMatcher<? super MethodDescription> target;
        final Method substitute;

        Rewrite(String name, ElementMatcher<? super MethodDescription> target, Method substitute) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.target = target;
            this.substitute = substitute;
        }
    }

    /**
     * Passes on only classes whose bytes hold both a method name to rewrite and the descriptor
     * {@code (J)V}, so that the many classes that call neither cost a byte scan, not a parse.
     */
    private static final class ConstantPoolFilter implements ClassFileTransformer {
        private final ClassFileTransformer rewriter;
        private final List<Rewrite> rewrites;

        ConstantPoolFilter(ClassFileTransformer rewriter, List<Rewrite> rewrites) {
            this.rewriter = rewriter;
            this.rewrites = rewrites;
        }

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            if (loader == null || !ClassBytes.contain(classfileBuffer, LONG_TO_VOID)) {
                return null;
            }
            for (Rewrite rewrite : rewrites) {
                if (ClassBytes.contain(classfileBuffer, rewrite.name)) {
                    boolean paused = BlockwatchRuntime.pauseTiming();
                    try {
                        return rewriter.transform(loader, className, null, protectionDomain, classfileBuffer);
                    } catch (Exception | LinkageError e) {
                        BlockwatchRuntime.countFailure();
                        return null;
                    } finally {
                        BlockwatchRuntime.resumeTiming(paused);
                    }
                }
            }
            return null;
        }
    }
}
