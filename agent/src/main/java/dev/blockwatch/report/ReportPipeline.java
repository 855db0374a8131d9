package dev.blockwatch.report;

import dev.blockwatch.bootstrap.BlockingCallListener;
import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.config.BlockwatchOptions;
import dev.blockwatch.config.RecordingOptions;
import dev.blockwatch.instrument.CallerApi;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Everything between a slow call and the sinks: the recorder that runs on application
 * threads, the call watch, the open recordings, the bounded queue, the per-site summary, and the one
 * blockwatch thread that writes every sink, flushes within a second, writes periodic summaries, and at exit drains
 * what is still queued before the final summary.
 */
public final class ReportPipeline {
    /** Reports held between the application and the writer; beyond this they are dropped and counted. */
    private static final int QUEUE_CAPACITY = 1024;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long EXIT_WAIT_MILLIS = 10_000;

    private final BlockwatchOptions options;
    private final List<ReportSink> sinks;
    private final ReportQueue queue = new ReportQueue(QUEUE_CAPACITY);
    private final SiteSummary summary = new SiteSummary();
    private final CallRecordings recordings;
    private final SlowCallRecorder recorder;
    private final CallWatch callWatch;
    private final Thread writer;
    private final Thread exitHook = new Thread(this::stop, "blockwatch-exit");
    private volatile boolean stopping;

    private ReportPipeline(BlockwatchOptions options, List<ReportSink> sinks, JfrEvents jfrEvents,
                           Instrumentation instrumentation, Map<String, CallerApi> operationsNamedByCaller) {
        this.options = options;
        this.sinks = sinks;
        this.recordings = new CallRecordings(options.thresholdNanos(), options.categories());
        this.recorder = new SlowCallRecorder(options, summary, queue, jfrEvents, recordings,
                new LoadedClassLoaders(instrumentation), new CallerOperations(operationsNamedByCaller));
        this.callWatch = new CallWatch(recorder, options.thresholdNanos());
        this.writer = new Thread(this::writeUntilStopped, "blockwatch-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Opens the sinks the options ask for, and JFR events with {@code jfr=true}; fails when the
     * JSON file cannot be opened.
     *
     * @param operationsNamedByCaller the operations that a report names after the API the
     *        application called, with the package or type whose outermost method names them
     */
    public static ReportPipeline open(BlockwatchOptions options, Instrumentation instrumentation,
                                      Map<String, CallerApi> operationsNamedByCaller) throws IOException {
        List<ReportSink> sinks = new ArrayList<>();
        if (options.json() != null) {
            sinks.add(new JsonLinesSink(options.json()));
        }
        if (options.log()) {
            sinks.add(new LogSink(options.repeatNanos()));
        }
        return new ReportPipeline(options, sinks, JfrEvents.open(options.jfr()), instrumentation,
                operationsNamedByCaller);
    }

    /** What the bootstrap runtime calls for each call over the threshold. */
    public BlockingCallListener recorder() {
        return recorder;
    }

    /**
     * Starts collecting the calls made from now on that the options ask for, besides reporting
     * them as usual ({@code Blockwatch.record}, a {@code @DetectBlocking} test).
     *
     * @throws IllegalArgumentException when the recording asks for a category this run does not instrument
     * @throws IllegalStateException    when this run has ended
     */
    public CallRecording startRecording(RecordingOptions recordingOptions) {
        return recordings.start(recordingOptions);
    }

    /**
     * Stops a recording, first collecting the calls it wants that are still blocked; returns every
     * call it collected.
     */
    public List<SlowCallReport> stopRecording(CallRecording recording) {
        callWatch.collectCallsUnderWay(recording);
        recordings.stop(recording);
        return recording.calls();
    }

    /** Writes the agent-start record, starts the writer and in-progress threads and the exit hook. */
    public void start() {
        long now = System.currentTimeMillis();
        for (ReportSink sink : sinks) {
            try {
                sink.agentStarted(now, options.asStrings());
                sink.flush();
            } catch (IOException | RuntimeException e) {
                BlockwatchRuntime.countFailure();
            }
        }
        writer.start();
        callWatch.start();
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /**
     * Stops before the JVM exits (on detach): as at exit, and the exit hook is removed, so that
     * nothing of this pipeline is left behind.
     */
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs stop() anyway
            return;
        }
        stop();
    }

    /** Drains the queue, writes the final summary and closes the sinks; waits for the writer. */
    private void stop() {
        BlockwatchRuntime.markCurrentThreadOwn();
        recordings.end();
        callWatch.stop();
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilStopped() {
        BlockwatchRuntime.markCurrentThreadOwn();
        long interval = options.summaryIntervalNanos();
        long nextSummary = interval > 0 ? System.nanoTime() + interval : Long.MAX_VALUE;
        while (!stopping) {
            boolean wrote = drain();
            if (wrote) {
                flush();
            }
            if (System.nanoTime() - nextSummary >= 0) {
                writeSummary();
                nextSummary = System.nanoTime() + interval;
            }
            if (!wrote) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        drain();
        if (options.summaryAtExit()) {
            writeSummary();
        }
        flush();
        for (ReportSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException | RuntimeException e) {
                BlockwatchRuntime.countFailure();
            }
        }
        long failures = BlockwatchRuntime.failures();
        if (failures > 0) {
            System.err.println("blockwatch: " + failures + " internal failures were ignored so as not to affect the application");
        }
    }

    private boolean drain() {
        boolean wrote = false;
        SlowCallReport report;
        while ((report = queue.poll()) != null) {
            wrote = true;
            for (ReportSink sink : sinks) {
                try {
                    sink.call(report);
                } catch (IOException | RuntimeException e) {
                    BlockwatchRuntime.countFailure();
                }
            }
        }
        return wrote;
    }

    private void writeSummary() {
        List<SiteSummary.SiteFigures> figures = summary.figures();
        long now = System.currentTimeMillis();
        for (ReportSink sink : sinks) {
            try {
                sink.summary(now, figures, queue.dropped());
            } catch (IOException | RuntimeException e) {
                BlockwatchRuntime.countFailure();
            }
        }
        flush();
    }

    private void flush() {
        for (ReportSink sink : sinks) {
            try {
                sink.flush();
            } catch (IOException | RuntimeException e) {
                BlockwatchRuntime.countFailure();
            }
        }
    }
}
