package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.config.Category;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.utility.JavaModule;

/**
 * Applies the families' advice. JDK classes are already loaded when the agent starts, so
 * everything is done by retransformation that changes method bodies only (no field or method
 * is added), which needs no JVM flag and can be undone by resetting the returned transformer.
 */
public final class AdviceInstaller {
    private AdviceInstaller() {
    }

    /**
     * @param categories    the categories to instrument
     * @param selectorLoops whether waiting in a Selector makes a thread watched
     * @param onError       told of every type that could not be instrumented
     * @return the transformers installed, to reset on detach
     */
    public static List<ResettableClassFileTransformer> install(Instrumentation instrumentation, Set<Category> categories,
                                                               boolean selectorLoops, Consumer<String> onError) {
        Map<String, List<TypedAdvice>> byType = new LinkedHashMap<>();
        List<TypedAdvice> implementations = new ArrayList<>();
        for (CallFamily family : CallFamilies.all()) {
            if (categories.contains(family.category())) {
                for (TypeAdvice type : family.types()) {
                    TypedAdvice typed = new TypedAdvice(type, family.category().ordinal());
                    if (type.matchesImplementations()) {
                        implementations.add(typed);
                    } else {
                        byType.computeIfAbsent(type.typeName(), k -> new ArrayList<>()).add(typed);
                    }
                }
            }
        }
        if (selectorLoops) {
            TypeAdvice selector = SelectorWaitInstrumentation.type();
            byType.computeIfAbsent(selector.typeName(), k -> new ArrayList<>()).add(new TypedAdvice(selector, -1));
        }

        loadJdkTypes(byType.keySet());
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        List<ResettableClassFileTransformer> installed = new ArrayList<>();
        AgentBuilder named = retransforming(onError, loadedNamed(loaded, byType.keySet())).ignore(OwnTypes.MATCHER);
        for (Map.Entry<String, List<TypedAdvice>> entry : byType.entrySet()) {
            List<TypedAdvice> advice = entry.getValue();
            named = named.type(named(entry.getKey()))
                    .transform((type, description, loader, module, domain) -> apply(type, advice));
        }
        installed.add(named.installOn(instrumentation));
        if (!implementations.isEmpty()) {
            installed.add(installImplementations(instrumentation, loaded, implementations, onError));
        }
        return installed;
    }

    /**
     * Implementations of an interface can be any class of any class loader, so every class
     * loaded is a candidate: only those whose bytes mention the interface's package reach Byte
     * Buddy, which then resolves their supertypes. A class implementing {@code java.sql.Statement}
     * names it, or names {@code java.sql} types in the signatures of the methods it overrides.
     */
    private static ResettableClassFileTransformer installImplementations(Instrumentation instrumentation,
                                                                         Class<?>[] loaded,
                                                                         List<TypedAdvice> implementations,
                                                                         Consumer<String> onError) {
        Set<String> packages = new LinkedHashSet<>();
        for (TypedAdvice typed : implementations) {
            String type = typed.type.typeName();
            packages.add(type.substring(0, type.lastIndexOf('.') + 1).replace('.', '/'));
        }
        AgentBuilder builder = retransforming(onError, loadedOutsideTheJdk(loaded))
                .with(ClassBytesFilter.decorator(packages))
                .ignore(OwnTypes.JDK_OR_OWN);
        for (TypedAdvice typed : implementations) {
            List<TypedAdvice> advice = List.of(typed);
            // not terminal: a class implementing several of the interfaces receives the advice of each
            builder = builder.type(typed.type.typeMatcher())
                    .transform((dynamicType, description, loader, module, domain) -> apply(dynamicType, advice));
        }
        return builder.installOn(instrumentation);
    }

    /**
     * Loads the JDK's instrumented types that are not loaded yet, so that they are retransformed
     * now. One loaded later could be loaded by a transformation in progress (JDK 25 loads
     * {@code CompletableFuture} so), which Byte Buddy does not transform again, and it would
     * stay without advice. Library types are left to load as the application uses them.
     */
    private static void loadJdkTypes(Iterable<String> typeNames) {
        for (String typeName : typeNames) {
            try {
                Class.forName(typeName, false, ClassLoader.getPlatformClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not a JDK type, or not in this JDK: advice applies if it ever loads
            }
        }
    }

    /**
     * A builder that retransforms, of the classes loaded already, only the candidates given: Byte
     * Buddy would otherwise describe and match every loaded class, most of the agent's start-up.
     */
    private static AgentBuilder retransforming(Consumer<String> onError, Class<?>[] loadedCandidates) {
        return AgentBuilders.create(onError)
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .redefineOnly(loadedCandidates);
    }

    private static Class<?>[] loadedNamed(Class<?>[] loaded, Set<String> names) {
        List<Class<?>> named = new ArrayList<>();
        for (Class<?> type : loaded) {
            if (names.contains(type.getName())) {
                named.add(type);
            }
        }
        return named.toArray(new Class<?>[0]);
    }

    /** The loaded classes that may implement a library interface: none of the JDK's or blockwatch's. */
    private static Class<?>[] loadedOutsideTheJdk(Class<?>[] loaded) {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : loaded) {
            if (!type.isArray() && !type.isPrimitive() && type.getClassLoader() != null
                    && !OwnTypes.isJdkOrOwnName(type.getName())) {
                candidates.add(type);
            }
        }
        return candidates.toArray(new Class<?>[0]);
    }

    private static DynamicType.Builder<?> apply(DynamicType.Builder<?> type, List<TypedAdvice> advice) {
        for (TypedAdvice typed : advice) {
            for (TypeAdvice.MethodAdvice method : typed.type.methods()) {
                Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                        .bind(CategoryId.class, (Object) typed.categoryId)
                        .bind(Operation.class, operationName(typed.type.apiType(), method, typed.categoryId));
                if (method.detail() != null) {
                    mapping = mapping.bind(Detail.class, detailOf(method.detail()));
                }
                Advice bound = mapping.to(method.advice());
                type = type.visit(bound.on(method.methods()));
            }
        }
        return type;
    }

    /**
     * Resolves, per instrumented method, to the operation string constant, and registers the
     * operation's category for the call watch.
     */
    private static Advice.OffsetMapping operationName(String apiType, TypeAdvice.MethodAdvice method, int categoryId) {
        return (TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                Advice.ArgumentHandler argumentHandler, Advice.OffsetMapping.Sort sort) -> {
            String operation = method.operationIn(apiType, instrumentedType, instrumentedMethod);
            BlockwatchRuntime.registerOperation(operation, categoryId, instrumentedType.getName());
            return Advice.OffsetMapping.Target.ForStackManipulation.of(operation);
        };
    }

    /** Resolves, per instrumented method, to where that method's detail is read. */
    private static Advice.OffsetMapping detailOf(DetailSource source) {
        return (TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                Advice.ArgumentHandler argumentHandler, Advice.OffsetMapping.Sort sort) ->
                source.mappingFor(instrumentedType, instrumentedMethod)
                        .resolve(instrumentedType, instrumentedMethod, assigner, argumentHandler, sort);
    }

    private static final class TypedAdvice {
        final TypeAdvice type;
        final int categoryId;

        TypedAdvice(TypeAdvice type, int categoryId) {
            this.type = type;
            this.categoryId = categoryId;
        }
    }

    /** Tells of every type that could not be instrumented. */
    static final class ErrorReporter extends AgentBuilder.Listener.Adapter {
        private final Consumer<String> onError;

        ErrorReporter(Consumer<String> onError) {
            this.onError = onError;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            onError.accept(typeName + ": " + throwable);
        }
    }
}
