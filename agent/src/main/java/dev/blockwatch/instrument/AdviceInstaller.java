package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.config.Category;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     */
    public static ResettableClassFileTransformer install(Instrumentation instrumentation, Set<Category> categories,
                                                         boolean selectorLoops, Consumer<String> onError) {
        Map<String, List<TypedAdvice>> byType = new LinkedHashMap<>();
        for (CallFamily family : CallFamilies.all()) {
            if (categories.contains(family.category())) {
                for (TypeAdvice type : family.types()) {
                    byType.computeIfAbsent(type.typeName(), k -> new ArrayList<>())
                            .add(new TypedAdvice(type, family.category().ordinal()));
                }
            }
        }
        if (selectorLoops) {
            TypeAdvice selector = SelectorWaitInstrumentation.type();
            byType.computeIfAbsent(selector.typeName(), k -> new ArrayList<>()).add(new TypedAdvice(selector, -1));
        }

        AgentBuilder builder = AgentBuilders.create(onError)
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .ignore(OwnTypes.MATCHER);
        for (Map.Entry<String, List<TypedAdvice>> entry : byType.entrySet()) {
            List<TypedAdvice> advice = entry.getValue();
            builder = builder.type(named(entry.getKey()))
                    .transform((type, description, loader, module, domain) -> apply(type, advice));
        }
        return builder.installOn(instrumentation);
    }

    private static DynamicType.Builder<?> apply(DynamicType.Builder<?> type, List<TypedAdvice> advice) {
        for (TypedAdvice typed : advice) {
            for (TypeAdvice.MethodAdvice method : typed.type.methods()) {
                Advice.WithCustomMapping mapping = Advice.withCustomMapping()
                        .bind(CategoryId.class, (Object) typed.categoryId)
                        .bind(Operation.class, operationName(typed.type.apiType(), method.reportedMethod(),
                                typed.categoryId));
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
     * operation's category for the in-progress watch.
     */
    private static Advice.OffsetMapping operationName(String apiType, String reportedMethod, int categoryId) {
        return (TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                Advice.ArgumentHandler argumentHandler, Advice.OffsetMapping.Sort sort) -> {
            String operation = apiType + "." + (reportedMethod != null ? reportedMethod : instrumentedMethod.getName());
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
