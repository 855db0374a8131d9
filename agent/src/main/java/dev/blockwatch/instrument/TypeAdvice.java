package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.blockwatch.instrument.advice.BlockingModeCallAdvice;
import dev.blockwatch.instrument.advice.CommandCallAdvice;
import dev.blockwatch.instrument.advice.LookupCallAdvice;
import dev.blockwatch.instrument.advice.TimedCallAdvice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What one instrumented type receives: which methods are timed, with which advice, where each
 * call's detail comes from, and the public type and method each call is reported as.
 */
public final class TypeAdvice {
    /** The operation an instrumented method is reported as, worked out as advice is applied. */
    @FunctionalInterface
    public interface OperationName {
        String of(TypeDescription instrumentedType, MethodDescription method);
    }

    /** One group of methods of the type and how they are timed and reported. */
    public static final class MethodAdvice {
        private final ElementMatcher<? super MethodDescription> methods;
        private final Class<?> advice;
        private final DetailSource detail;
        private final String reportedMethod;
        private final CallerApi callerApi;
        private final OperationName operationName;

        MethodAdvice(ElementMatcher<? super MethodDescription> methods, Class<?> advice, DetailSource detail,
                     String reportedMethod, CallerApi callerApi, OperationName operationName) {
            this.methods = methods;
            this.advice = advice;
            this.detail = detail;
            this.reportedMethod = reportedMethod;
            this.callerApi = callerApi;
            this.operationName = operationName;
        }

        public ElementMatcher<? super MethodDescription> methods() {
            return methods;
        }

        public Class<?> advice() {
            return advice;
        }

        public DetailSource detail() {
            return detail;
        }

        /** The method name reported; null to report the instrumented method's own name. */
        public String reportedMethod() {
            return reportedMethod;
        }

        /** What names a reported call instead (the API the application called), or null. */
        public CallerApi callerApi() {
            return callerApi;
        }

        /** The operation one of these methods is reported as, in the given type. */
        String operationIn(String apiType, TypeDescription instrumentedType, MethodDescription method) {
            if (operationName != null) {
                return operationName.of(instrumentedType, method);
            }
            return apiType + "." + (reportedMethod != null ? reportedMethod : method.getName());
        }
    }

    private final String typeName;
    private final String apiType;
    private final boolean matchesImplementations;
    private final List<MethodAdvice> methods = new ArrayList<>();

    private TypeAdvice(String typeName, String apiType, boolean matchesImplementations) {
        this.typeName = typeName;
        this.apiType = apiType;
        this.matchesImplementations = matchesImplementations;
    }

    /** A type reported under its own name. */
    public static TypeAdvice of(String typeName) {
        return new TypeAdvice(typeName, typeName, false);
    }

    /** An implementation type reported under the public type the application called. */
    public static TypeAdvice of(String typeName, String reportedAs) {
        return new TypeAdvice(typeName, reportedAs, false);
    }

    /**
     * Every class, in any class loader and loaded at any time, that implements the interface
     * (itself or through a superclass), reported under the interface's name: a JDBC driver's
     * statements, say, whatever the driver.
     */
    public static TypeAdvice implementationsOf(String interfaceName) {
        return new TypeAdvice(interfaceName, interfaceName, true);
    }

    /** Times these methods, reported under their own names. */
    public TypeAdvice time(ElementMatcher<? super MethodDescription> matcher, DetailSource detail) {
        return add(matcher, TimedCallAdvice.class, detail, null, null, null);
    }

    /** Times an internal helper, reported as {@code reportedMethod} of the public type. */
    public TypeAdvice time(ElementMatcher<? super MethodDescription> matcher, DetailSource detail, String reportedMethod) {
        return add(matcher, TimedCallAdvice.class, detail, reportedMethod, null, null);
    }

    /** Times these methods, each reported as the operation {@code name} works out for it. */
    public TypeAdvice time(ElementMatcher<? super MethodDescription> matcher, DetailSource detail, OperationName name) {
        return add(matcher, TimedCallAdvice.class, detail, null, null, name);
    }

    /**
     * Times a client library's command methods, whose subject is the command they send, handed
     * over by a {@link dev.blockwatch.instrument.advice.CommandSentAdvice} hook on the method that
     * sends it.
     */
    public TypeAdvice timeCommands(ElementMatcher<? super MethodDescription> matcher) {
        return add(matcher, CommandCallAdvice.class, null, null, null, null);
    }

    /** As {@link #timeCommands}, a reported call named after the API the application called. */
    public TypeAdvice timeCommandsNamedByCaller(ElementMatcher<? super MethodDescription> matcher, String reportedMethod,
                                                CallerApi callerApi) {
        return add(matcher, CommandCallAdvice.class, null, reportedMethod, callerApi, null);
    }

    /**
     * Times a low-level method that many APIs block in (such as {@code LockSupport.park}); a
     * reported call is named after the outermost method of {@code callerApi} (a package or a
     * type) on its stack, the API the application called, and as {@code reportedMethod} of
     * this type when there is none.
     */
    public TypeAdvice timeNamedByCaller(ElementMatcher<? super MethodDescription> matcher, DetailSource detail,
                                        String reportedMethod, CallerApi callerApi) {
        return add(matcher, TimedCallAdvice.class, detail, reportedMethod, callerApi, null);
    }

    /**
     * Times these host name methods, reporting a call only if it asked the name service
     * (see {@link dev.blockwatch.instrument.advice.NameServiceLookupAdvice}).
     */
    public TypeAdvice timeIfLookup(ElementMatcher<? super MethodDescription> matcher, DetailSource detail) {
        return add(matcher, LookupCallAdvice.class, detail, null, null, null);
    }

    /** Times these methods of a selectable channel only while it is in blocking mode. */
    public TypeAdvice timeInBlockingMode(ElementMatcher<? super MethodDescription> matcher, DetailSource detail) {
        return add(matcher, BlockingModeCallAdvice.class, detail, null, null, null);
    }

    /** Applies other advice that times nothing, such as a hook that marks event loops. */
    public TypeAdvice hook(ElementMatcher<? super MethodDescription> matcher, Class<?> advice) {
        return add(matcher, advice, null, null, null, null);
    }

    private TypeAdvice add(ElementMatcher<? super MethodDescription> matcher, Class<?> advice, DetailSource detail,
                           String reportedMethod, CallerApi callerApi, OperationName operationName) {
        methods.add(new MethodAdvice(matcher, advice, detail, reportedMethod, callerApi, operationName));
        return this;
    }

    /** The name of the instrumented type, or of the interface whose implementations are instrumented. */
    public String typeName() {
        return typeName;
    }

    /** Whether the implementations of an interface are instrumented rather than one named type. */
    public boolean matchesImplementations() {
        return matchesImplementations;
    }

    /** Which classes receive this advice. */
    public ElementMatcher<TypeDescription> typeMatcher() {
        return matchesImplementations ? new Implementing(typeName) : named(typeName);
    }

    /**
     * Classes implementing the interface. A supertype that cannot be resolved (an optional
     * dependency that is absent) means no match, not an error: such a class cannot load anyway.
     */
    private static final class Implementing extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
        private final ElementMatcher<TypeDescription> implementing;

        Implementing(String interfaceName) {
            implementing = not(isInterface()).and(hasSuperType(named(interfaceName)));
        }

        @Override
        public boolean matches(TypeDescription type) {
            try {
                return implementing.matches(type);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    public String apiType() {
        return apiType;
    }

    public List<MethodAdvice> methods() {
        return Collections.unmodifiableList(methods);
    }
}
