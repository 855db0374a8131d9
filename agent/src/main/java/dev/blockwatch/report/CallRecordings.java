package dev.blockwatch.report;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.ThreadState;
import dev.blockwatch.config.Category;
import dev.blockwatch.config.RecordingOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The recordings open in this run. While one asks for a lower threshold than the options', the
 * runtime times calls against the lowest: calls between the two go to the recordings only, never
 * to the sinks or the summary.
 */
final class CallRecordings {
    private final long optionsThresholdNanos;
    private final Set<Category> instrumented;
    private final List<CallRecording> open = new CopyOnWriteArrayList<>();
    private boolean ended;

    CallRecordings(long optionsThresholdNanos, Set<Category> instrumented) {
        this.optionsThresholdNanos = optionsThresholdNanos;
        this.instrumented = instrumented;
    }

    synchronized CallRecording start(RecordingOptions options) {
        if (ended) {
            throw new IllegalStateException("blockwatch was detached from this JVM");
        }
        Set<Category> categories = options.categories().isEmpty() ? instrumented : options.categories();
        if (!instrumented.containsAll(categories)) {
            throw new IllegalArgumentException("a recording of categories=" + names(categories)
                    + " needs them instrumented, but blockwatch runs here with categories=" + names(instrumented));
        }
        long threshold = options.thresholdNanos() >= 0 ? options.thresholdNanos() : optionsThresholdNanos;
        Map<Thread, Long> callNumbers = new HashMap<>();
        for (ThreadState state : BlockwatchRuntime.watchedThreads()) {
            callNumbers.put(state.thread(), state.callNumberUnderWay());
        }
        CallRecording recording = new CallRecording(callNumbers, threshold, categories, options.allow());
        open.add(recording);
        BlockwatchRuntime.changeThreshold(lowestThreshold());
        return recording;
    }

    synchronized void stop(CallRecording recording) {
        recording.close();
        open.remove(recording);
        if (!ended) {
            BlockwatchRuntime.changeThreshold(lowestThreshold());
        }
    }

    /** The run ends (detach, exit): a recording still open collects nothing more, and none may start. */
    synchronized void end() {
        ended = true;
        for (CallRecording recording : open) {
            recording.close();
        }
        open.clear();
    }

    /** Whether an open recording wants a call, before its report is built. */
    boolean want(Thread thread, long callNumber, long durationNanos) {
        for (CallRecording recording : open) {
            if (recording.wants(thread, callNumber, durationNanos)) {
                return true;
            }
        }
        return false;
    }

    void offer(SlowCallReport report, CapturedStack stack, Thread thread, long callNumber, long durationNanos) {
        for (CallRecording recording : open) {
            if (recording.wants(thread, callNumber, durationNanos)) {
                recording.offer(report, stack);
            }
        }
    }

    private long lowestThreshold() {
        long lowest = optionsThresholdNanos;
        for (CallRecording recording : open) {
            lowest = Math.min(lowest, recording.thresholdNanos());
        }
        return lowest;
    }

    private static String names(Set<Category> categories) {
        return categories.stream().sorted().map(Category::optionName).collect(Collectors.joining("+"));
    }
}
