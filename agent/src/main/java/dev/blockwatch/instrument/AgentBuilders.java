package dev.blockwatch.instrument;

import java.util.function.Consumer;
import net.bytebuddy.agent.builder.AgentBuilder;

/** How every Byte Buddy agent builder of blockwatch starts. */
final class AgentBuilders {
    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private AgentBuilders() {
    }

    /**
     * A builder that injects no class, reports errors, and does not time blockwatch's own work.
     * Byte Buddy's default initialization strategy prepares class injection through
     * {@code sun.misc.Unsafe}, which JDK 24+ warns about: it is turned off by a system property
     * whose name is relocated with Byte Buddy, so the application's own copy is unaffected.
     */
    static AgentBuilder create(Consumer<String> onError) {
        System.setProperty(NEXUS_DISABLED, "true");
        return new AgentBuilder.Default()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new AdviceInstaller.ErrorReporter(onError))
                .with(OwnWorkUntimed.DECORATOR);
    }
}
