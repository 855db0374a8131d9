package dev.blockwatch.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The advice one instrumented type receives: which methods, with which advice class, and
 * the public type and method name that each call is reported as.
 */
public final class TypeAdvice {
    /** One group of methods of the type, the advice they receive and how they are reported. */
    public static final class MethodAdvice {
        private final ElementMatcher<? super MethodDescription> methods;
        private final Class<?> advice;
        private final String reportedMethod;

        MethodAdvice(ElementMatcher<? super MethodDescription> methods, Class<?> advice, String reportedMethod) {
            this.methods = methods;
            this.advice = advice;
            this.reportedMethod = reportedMethod;
        }

        public ElementMatcher<? super MethodDescription> methods() {
            return methods;
        }

        public Class<?> advice() {
            return advice;
        }

        /** The method name reported; null to report the instrumented method's own name. */
        public String reportedMethod() {
            return reportedMethod;
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

    /** Methods reported under their own names. */
    public TypeAdvice advise(ElementMatcher<? super MethodDescription> matcher, Class<?> adviceClass) {
        methods.add(new MethodAdvice(matcher, adviceClass, null));
        return this;
    }

    /** Methods reported as {@code reportedMethod} of the public type (an internal helper behind it). */
    public TypeAdvice advise(ElementMatcher<? super MethodDescription> matcher, Class<?> adviceClass, String reportedMethod) {
        methods.add(new MethodAdvice(matcher, adviceClass, reportedMethod));
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
