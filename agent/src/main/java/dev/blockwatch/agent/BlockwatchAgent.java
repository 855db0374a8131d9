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
import java.lang.instrument.Instrumentation;
import java.util.function.Consumer;

/**
 * Wires blockwatch together: options, reporting, the thread watch policy and the advice.
 * A bad option turns the agent off with one line (or, with {@code strict=true} at start,
 * stops the JVM), and the application runs untouched.
 */
final class BlockwatchAgent {
    private static boolean started;

    private BlockwatchAgent() {
    }

    static synchronized void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
        if (started) {
            System.err.println("blockwatch: already active in this JVM; nothing changed");
            return;
        }
        BlockwatchOptions options;
        try {
            options = OptionSources.load(arguments, System.getProperties(), System.getenv());
        } catch (BadOptionException e) {
            refuse(e.getMessage(), e.strict() && atStartup);
            return;
        }
        ReportPipeline pipeline;
        try {
            pipeline = ReportPipeline.open(options, instrumentation,
                    CallFamilies.operationsNamedByCaller(options.categories()));
        } catch (IOException e) {
            refuse("cannot write json=" + options.json() + " (" + e.getMessage() + ")", options.strict() && atStartup);
            return;
        }
        if (options.jfr()) {
            System.err.println("blockwatch: jfr=true is not supported by this version yet; no JFR events are emitted");
        }
        boolean selectorLoops = options.threads() == ThreadMode.EVENT_LOOP;
        Consumer<String> onError = problem -> {
            BlockwatchRuntime.countFailure();
            System.err.println("blockwatch: could not instrument " + problem);
        };
        AdviceInstaller.install(instrumentation, options.categories(), selectorLoops, onError);
        try {
            NativeCallSites.install(instrumentation, options.categories(), onError);
        } catch (NoSuchMethodException e) {
            onError.accept("the calls to native sleeps and waits: " + e);
        }
        pipeline.start();
        BlockwatchRuntime.activate(pipeline.recorder(), new ThreadWatchPolicy(options), options.thresholdNanos(),
                selectorLoops);
        started = true;
    }

    private static void refuse(String problem, boolean stopJvm) {
        if (stopJvm) {
            System.err.println("blockwatch: " + problem + "; strict=true, so the JVM does not start");
            System.exit(2);
        }
        System.err.println("blockwatch: " + problem + "; blockwatch is off");
    }
}
