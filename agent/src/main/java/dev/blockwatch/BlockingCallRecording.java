package dev.blockwatch;

import dev.blockwatch.report.CallRecording;
import dev.blockwatch.report.ReportPipeline;
import dev.blockwatch.report.SlowCallReport;
import java.time.Duration;
import java.util.List;

/**
 * The blocking calls made on watched threads while this is open ({@link Blockwatch#record}): each
 * call over its threshold that started after it opened. Close it to stop collecting; calls still
 * blocked for the threshold at that moment are collected as in progress.
 */
public final class BlockingCallRecording implements AutoCloseable {
    private final ReportPipeline pipeline;
    private final CallRecording recording;
    private List<BlockingCall> closedWith;

    BlockingCallRecording(ReportPipeline pipeline, CallRecording recording) {
        this.pipeline = pipeline;
        this.recording = recording;
    }

    /** Calls that take at least this long are collected. */
    public Duration threshold() {
        return Duration.ofNanos(recording.thresholdNanos());
    }

    /** The calls collected so far, in the order they were seen; after {@link #close}, all of them. */
    public synchronized List<BlockingCall> calls() {
        return closedWith != null ? closedWith : asCalls(recording.calls());
    }

    /** Stops collecting; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closedWith == null) {
            closedWith = asCalls(pipeline.stopRecording(recording));
        }
    }

    private static List<BlockingCall> asCalls(List<SlowCallReport> reports) {
        return reports.stream().map(BlockingCall::new).toList();
    }
}
