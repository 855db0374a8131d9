package dev.blockwatch.agent;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.config.BadOptionException;
import dev.blockwatch.config.BlockwatchOptions;
import dev.blockwatch.config.OptionSources;
import dev.blockwatch.config.ThreadMode;
import dev.blockwatch.instrument.AdviceInstaller;
import dev.blockwatch.instrument.CallFamilies;
import dev.blockwatch.instrument.NativeCallSites;
import dev.blockwatch.report.ReportPipeline;
import dev.blockwatch.watch.ThreadWatchPolicy;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Wires blockwatch together: options, reporting, the thread watch policy and the advice.
 * A bad option turns the agent off with one line (or, with {@code strict=true} at start,
 * stops the JVM), and the application runs untouched.
 */
final class BlockwatchAgent {
    /** What blockwatch has put in place while it is active, to remove on detach; null when off. */
    private static Active active;

    private BlockwatchAgent() {
    }

    /**
     * Starts blockwatch, at JVM start or on attach. Attached again while active, it takes the new
     * options: everything of the previous run is removed first, so nothing is instrumented twice.
     */
    static synchronized void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
        BlockwatchOptions options;
        try {
            options = OptionSources.load(arguments, System.getProperties(), System.getenv());
        } catch (BadOptionException e) {
            refuse(e.getMessage(), e.strict() && atStartup);
            return;
        }
        if (active != null) {
            active.remove();
            active = null;
        }
        ReportPipeline pipeline;
        try {
            pipeline = ReportPipeline.open(options, instrumentation,
                    CallFamilies.operationsNamedByCaller(options.categories()));
        } catch (IOException e) {
            refuse("cannot write json=" + options.json() + " (" + e.getMessage() + ")", options.strict() && atStartup);
            return;
        }
        boolean selectorLoops = options.threads() == ThreadMode.EVENT_LOOP;
        Consumer<String> onError = problem -> {
            BlockwatchRuntime.countFailure();
            System.err.println("blockwatch: could not instrument " + problem);
        };
        List<ResettableClassFileTransformer> advice =
                AdviceInstaller.install(instrumentation, options.categories(), selectorLoops, onError);
        ClassFileTransformer nativeCallSites = null;
        try {
            nativeCallSites = NativeCallSites.install(instrumentation, options.categories(), !atStartup, onError);
        } catch (NoSuchMethodException e) {
            onError.accept("the calls to native sleeps and waits: " + e);
        }
        pipeline.start();
        ThreadWatchPolicy policy = new ThreadWatchPolicy(options);
        // Once active, the first call of each thread is classified inside that call, which may be
        // a read of this very jar by a class loader: nothing may load from the jar then, or the
        // read under way is corrupted. So the policy's classes and the status are loaded now.
        policy.isWatched(Thread.currentThread());
        AgentStatus.publishActive(options);
        BlockwatchRuntime.activate(pipeline.recorder(), policy, options.thresholdNanos(), selectorLoops);
        active = new Active(options, instrumentation, pipeline, advice, nativeCallSites, onError);
    }

    /** The options of the active run, or null when blockwatch is off. */
    static synchronized BlockwatchOptions activeOptions() {
        return active != null ? active.options : null;
    }

    /** The pipeline of the active run, or null when blockwatch is off. */
    static synchronized ReportPipeline activePipeline() {
        return active != null ? active.pipeline : null;
    }

    /**
     * Detach: stops timing, gives every instrumented class its own bytecode back, writes the final
     * summary and stops blockwatch's threads and files. The JVM runs on as if blockwatch had never
     * been attached, but for its few bootstrap runtime classes, which a JVM cannot unload.
     */
    static synchronized void detach() {
        if (active == null) {
            System.err.println("blockwatch: not active in this JVM; nothing to detach");
            return;
        }
        active.remove();
        active = null;
        AgentStatus.publishOff("detached");
    }

    private static void refuse(String problem, boolean stopJvm) {
        if (active == null) {
            AgentStatus.publishOff(problem);
        }
        if (stopJvm) {
            System.err.println("blockwatch: " + problem + "; strict=true, so the JVM does not start");
            System.exit(2);
        }
        System.err.println("blockwatch: " + problem + "; blockwatch is off");
    }

    /**
     * One run of blockwatch: its pipeline and the transformers it installed, with the
     * {@code Instrumentation} they were installed through: each attach brings an instance of its
     * own, which knows only its own transformers.
     */
    private static final class Active {
        private final BlockwatchOptions options;
        private final Instrumentation instrumentation;
        private final ReportPipeline pipeline;
        private final List<ResettableClassFileTransformer> advice;
        private final ClassFileTransformer nativeCallSites;
        private final Consumer<String> onError;

        Active(BlockwatchOptions options, Instrumentation instrumentation, ReportPipeline pipeline,
               List<ResettableClassFileTransformer> advice, ClassFileTransformer nativeCallSites,
               Consumer<String> onError) {
            this.options = options;
            this.instrumentation = instrumentation;
            this.pipeline = pipeline;
            this.advice = advice;
            this.nativeCallSites = nativeCallSites;
            this.onError = onError;
        }

        /** Stops timing first, so that nothing is reported while the classes are restored. */
        void remove() {
            BlockwatchRuntime.deactivate();
            for (ResettableClassFileTransformer transformer : advice) {
                transformer.reset(instrumentation, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            }
            if (nativeCallSites != null) {
                NativeCallSites.remove(instrumentation, nativeCallSites, onError);
            }
            pipeline.close();
        }
    }
}
