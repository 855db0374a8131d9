package dev.blockwatch.instrument;

import dev.blockwatch.instrument.advice.BlockingModeCallAdvice;
import dev.blockwatch.instrument.advice.LookupCallAdvice;
import dev.blockwatch.instrument.advice.TimedCallAdvice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What one instrumented type receives: which methods are timed, with which advice, where each
 * call's detail comes from, and the public type and method each call is reported as.
 */
public final class TypeAdvice {
    /** One group of methods of the type and how they are timed and reported. */
    public static final class MethodAdvice {
        private final ElementMatcher<? super MethodDescription> methods;
        private final Class<?> advice;
        private final DetailSource detail;
        private final String reportedMethod;
        private final String callerApi;

        MethodAdvice(ElementMatcher<? super MethodDescription> methods, Class<?> advice, DetailSource detail,
                     String reportedMethod, String callerApi) {
            this.methods = methods;
            this.advice = advice;
            this.detail = detail;
            this.reportedMethod = reportedMethod;
            this.callerApi = callerApi;
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

        /**
         * The package or type whose outermost method on the stack names a reported call instead
         * (the API the application called), or null.
         */
        public String callerApi() {
            return callerApi;
        }
    }

    private final String typeName;
    private final String apiType;
    private final List<MethodAdvice> methods = new ArrayList<>();

    private TypeAdvice(String typeName, String apiType) {
        this.typeName = typeName;
        this.apiType = apiType;
    }

    /** A type reported under its own name. */
    public static TypeAdvice of(String typeName) {
        return new TypeAdvice(typeName, typeName);
    }

    /** An implementation type reported under the public type the application called. */
    public static TypeAdvice of(String typeName, String reportedAs) {
        return new TypeAdvice(typeName, reportedAs);
    }

    /** Times these methods, reported under their own names. */
    public TypeAdvice time(ElementMatcher<? super MethodDescription> matcher, DetailSource detail) {
        return add(matcher, TimedCallAdvice.class, detail, null, null);
    }

    /** Times an internal helper, reported as {@code reportedMethod} of the public type. */
    public TypeAdvice time(ElementMatcher<? super MethodDescription> matcher, DetailSource detail, String reportedMethod) {
        return add(matcher, TimedCallAdvice.class, detail, reportedMethod, null);
    }

    /**
     * Times a low-level method that many APIs block in (such as {@code LockSupport.park}); a
     * reported call is named after the outermost method of {@code callerApi} (a package or a
     * type) on its stack, the API the application called, and as {@code reportedMethod} of
     * this type when there is none.
     */
    public TypeAdvice timeNamedByCaller(ElementMatcher<? super MethodDescription> matcher, DetailSource detail,
                                        String reportedMethod, String callerApi) {
        return add(matcher, TimedCallAdvice.class, detail, reportedMethod, callerApi);
    }

    /**
     * Times these host name methods, reporting a call only if it asked the name service
     * (see {@link dev.blockwatch.instrument.advice.NameServiceLookupAdvice}).
     */
    public TypeAdvice timeIfLookup(ElementMatcher<? super MethodDescription> matcher, DetailSource detail) {
        return add(matcher, LookupCallAdvice.class, detail, null, null);
    }

    /** Times these methods of a selectable channel only while it is in blocking mode. */
    public TypeAdvice timeInBlockingMode(ElementMatcher<? super MethodDescription> matcher, DetailSource detail) {
        return add(matcher, BlockingModeCallAdvice.class, detail, null, null);
    }

    /** Applies other advice that times nothing, such as a hook that marks event loops. */
    public TypeAdvice hook(ElementMatcher<? super MethodDescription> matcher, Class<?> advice) {
        return add(matcher, advice, null, null, null);
    }

    private TypeAdvice add(ElementMatcher<? super MethodDescription> matcher, Class<?> advice, DetailSource detail,
                           String reportedMethod, String callerApi) {
        methods.add(new MethodAdvice(matcher, advice, detail, reportedMethod, callerApi));
        return this;
    }

    public String typeName() {
        return typeName;
    }

    public String apiType() {
        return apiType;
    }

    public List<MethodAdvice> methods() {
        return Collections.unmodifiableList(methods);
    }
}
