package dev.blockwatch.benchmarks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import reactor.blockhound.BlockHound;

/**
 * The peer that a peer configuration measures, in the forked JVM: installs BlockHound before the first call, or
 * makes sure the JFR recording is the one the configuration says; then, after each iteration, that BlockHound saw
 * the worker's calls as its row claims. A configuration that silently measured nothing of its peer would be worse
 * than none. In the other configurations it does nothing. Every benchmark that has peer rows takes it.
 */
@State(Scope.Benchmark)
public class Peer {
    /** Part of the name of every JMH worker thread, which the non-blocking configuration makes non-blocking. */
    private static final String WORKER_NAME = "jmh-worker";
    private static final LongAdder BLOCKHOUND_CALLBACKS = new LongAdder();

    private Optional<MeasuredConfiguration> configuration;
    private MeasuredCall call;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        configuration = MeasuredConfiguration.ofThisJvm();
        call = MeasuredCall.ofBenchmark(params.getBenchmark());
        configuration.ifPresent(running -> {
            switch (running) {
                case BLOCKHOUND -> installBlockHound(false);
                case BLOCKHOUND_NON_BLOCKING -> installBlockHound(true);
                case JFR -> requireJfrRecording();
                default -> {
                }
            }
        });
    }

    @Setup(Level.Iteration)
    public void resetCallbacks() {
        BLOCKHOUND_CALLBACKS.reset();
    }

    @TearDown(Level.Iteration)
    public void checkCallbacks() {
        long callbacks = BLOCKHOUND_CALLBACKS.sum();
        if (configuration.equals(Optional.of(MeasuredConfiguration.BLOCKHOUND)) && callbacks > 0) {
            throw new IllegalStateException("BlockHound called back " + callbacks + " times in an iteration of "
                    + call.method + " although the JMH worker is a normal thread in \""
                    + MeasuredConfiguration.BLOCKHOUND.label + "\": the row would measure its non-blocking path");
        }
        if (configuration.equals(Optional.of(MeasuredConfiguration.BLOCKHOUND_NON_BLOCKING))) {
            if (call.peers.blockHoundCallback() && callbacks == 0) {
                throw new IllegalStateException("BlockHound never called back in an iteration of " + call.method
                        + " on the non-blocking JMH worker: it does not see the call here, so the \""
                        + MeasuredConfiguration.BLOCKHOUND_NON_BLOCKING.label + "\" row would measure nothing of it");
            }
            if (!call.peers.blockHoundCallback() && callbacks > 0) {
                throw new IllegalStateException("BlockHound called back " + callbacks + " times in an iteration of "
                        + call.method + ", a call it is not expected to see: the table would say it does not "
                        + "(see MeasuredCall)");
            }
        }
    }

    /**
     * Installs BlockHound with a callback that counts the blocking calls it sees on non-blocking threads, where its
     * default callback would throw. Installing takes about a second and happens once per JVM.
     */
    static void installBlockHound(boolean workerIsNonBlocking) {
        BlockHound.Builder builder = BlockHound.builder()
                .blockingMethodCallback(method -> BLOCKHOUND_CALLBACKS.increment());
        if (workerIsNonBlocking) {
            builder.nonBlockingThreadPredicate(nonBlocking -> nonBlocking.or(
                    thread -> thread.getName().contains(WORKER_NAME)));
        }
        builder.install();
    }

    /** The calls BlockHound has seen on non-blocking threads since it was installed or the last iteration began. */
    static long blockHoundCallbacks() {
        return BLOCKHOUND_CALLBACKS.sum();
    }

    /** Fails unless this JVM records the configuration's JFR events at its threshold, and no other event. */
    private static void requireJfrRecording() {
        Recording recording = FlightRecorder.getFlightRecorder().getRecordings().stream()
                .filter(running -> running.getState() == RecordingState.RUNNING)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JFR recording runs in \""
                        + MeasuredConfiguration.JFR.label + "\""));
        Map<String, String> settings = recording.getSettings();
        for (String event : MeasuredConfiguration.JFR_EVENTS) {
            if (!"true".equals(settings.get(event + "#enabled"))
                    || !MeasuredConfiguration.JFR_THRESHOLD.equals(settings.get(event + "#threshold"))) {
                throw new IllegalStateException("the JFR recording does not enable " + event + " at "
                        + MeasuredConfiguration.JFR_THRESHOLD + ": " + settings);
            }
        }
        settings.forEach((setting, value) -> {
            String event = setting.substring(0, setting.indexOf('#'));
            if (setting.endsWith("#enabled") && value.equals("true")
                    && !MeasuredConfiguration.JFR_EVENTS.contains(event)) {
                throw new IllegalStateException("the JFR recording also enables " + event);
            }
        });
    }
}
