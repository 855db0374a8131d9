package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;

import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * blockwatch's own classes, never instrumented. Only the agent's packages: an application's
 * classes may live under {@code dev.blockwatch} too (the demo, the tests).
 */
final class OwnTypes {
    private static final List<String> OWN_PACKAGES = List.of("dev.blockwatch.bootstrap.", "dev.blockwatch.agent.",
            "dev.blockwatch.config.", "dev.blockwatch.watch.", "dev.blockwatch.instrument.", "dev.blockwatch.report.",
            "dev.blockwatch.cli.", "dev.blockwatch.shaded.", "dev.blockwatch.junit.");
    private static final List<String> OWN_CLASSES = List.of("dev.blockwatch.Blockwatch", "dev.blockwatch.BlockingCall",
            "dev.blockwatch.BlockingCallRecording");
    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    static final ElementMatcher.Junction<TypeDescription> MATCHER = matching(OWN_PACKAGES, OWN_CLASSES);

    /**
     * The JDK's classes and blockwatch's: never instrumented by a matcher that looks at every
     * class loaded (implementations of an interface, call sites of native methods).
     */
    static final ElementMatcher.Junction<TypeDescription> JDK_OR_OWN = matching(JDK_PACKAGES, List.of()).or(MATCHER);

    private OwnTypes() {
    }

    /** {@link #JDK_OR_OWN} by name alone, without describing the class to Byte Buddy. */
    static boolean isJdkOrOwnName(String name) {
        return OWN_CLASSES.contains(name) || OWN_PACKAGES.stream().anyMatch(name::startsWith)
                || JDK_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static ElementMatcher.Junction<TypeDescription> matching(List<String> packages, List<String> classes) {
        ElementMatcher.Junction<TypeDescription> matcher = none();
        for (String prefix : packages) {
            matcher = matcher.or(nameStartsWith(prefix));
        }
        for (String name : classes) {
            matcher = matcher.or(named(name));
        }
        return matcher;
    }
}
