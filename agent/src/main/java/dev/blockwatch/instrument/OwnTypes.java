package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * blockwatch's own classes, never instrumented. Only the agent's packages: an application's
 * classes may live under {@code dev.blockwatch} too (the demo, the tests).
 */
final class OwnTypes {
    static final ElementMatcher.Junction<TypeDescription> MATCHER = named("dev.blockwatch.Blockwatch")
            .or(named("dev.blockwatch.BlockingCall")).or(named("dev.blockwatch.BlockingCallRecording"))
            .or(nameStartsWith("dev.blockwatch.junit.")).or(nameStartsWith("dev.blockwatch.bootstrap.")).or(nameStartsWith("dev.blockwatch.agent."))
            .or(nameStartsWith("dev.blockwatch.config.")).or(nameStartsWith("dev.blockwatch.watch."))
            .or(nameStartsWith("dev.blockwatch.instrument.")).or(nameStartsWith("dev.blockwatch.report."))
            .or(nameStartsWith("dev.blockwatch.cli.")).or(nameStartsWith("dev.blockwatch.shaded."));

    /**
     * The JDK's classes and blockwatch's: never instrumented by a matcher that looks at every
     * class loaded (implementations of an interface, call sites of native methods).
     */
    static final ElementMatcher.Junction<TypeDescription> JDK_OR_OWN = nameStartsWith("java.")
            .or(nameStartsWith("javax.")).or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
            .or(nameStartsWith("com.sun.")).or(MATCHER);

    private OwnTypes() {
    }
}
