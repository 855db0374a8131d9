package dev.blockwatch.agent;

import java.lang.instrument.Instrumentation;

/**
 * The JVM's entry points. The bootstrap runtime is put on the bootstrap class path before any
 * other blockwatch class is touched, since those refer to it.
 */
public final class AgentEntry {
    /** The agent argument of {@code detach}; never an option, since options are {@code key=value}. */
    public static final String DETACH = "detach";

    private AgentEntry() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    /** On attach: starts blockwatch with the options given, or, given {@value #DETACH}, removes it. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        if (DETACH.equals(arguments)) {
            BlockwatchAgent.detach();
            return;
        }
        start(arguments, instrumentation, false);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
        try {
            BootstrapJar.appendTo(instrumentation);
        } catch (Exception e) {
            System.err.println("blockwatch: cannot load its runtime into the bootstrap class path (" + e
                    + "); blockwatch is off");
            return;
        }
        BlockwatchAgent.start(arguments, instrumentation, atStartup);
    }
}
