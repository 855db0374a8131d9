package dev.blockwatch;

import dev.blockwatch.report.SlowCallReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One blocking call a recording collected: the same fields as a JSON Lines record. */
public final class BlockingCall {
    private final long callId;
    private final Instant start;
    private final String thread;
    private final long threadId;
    private final String category;
    private final String operation;
    private final String detail;
    private final Duration duration;
    private final boolean inProgress;
    private final String site;
    private final List<String> stack;
    private final String headline;

    BlockingCall(SlowCallReport report) {
        callId = report.callId();
        start = Instant.ofEpochMilli(report.startEpochMillis());
        thread = report.threadName();
        threadId = report.threadId();
        category = report.category().optionName();
        operation = report.operation();
        detail = report.detail();
        duration = Duration.ofNanos(report.durationNanos());
        inProgress = report.inProgress();
        site = report.site();
        stack = report.stack();
        headline = report.headline();
    }

    /** A number unique per call in this JVM, as in the report's {@code callId}. */
    public long callId() {
        return callId;
    }

    /** When the call started. */
    public Instant start() {
        return start;
    }

    /** The name of the thread that made the call. */
    public String thread() {
        return thread;
    }

    public long threadId() {
        return threadId;
    }

    /** {@code file}, {@code socket}, {@code dns}, {@code process}, {@code sleep}, {@code wait}, {@code jdbc} or {@code redis}. */
    public String category() {
        return category;
    }

    /** The API the application called, such as {@code java.io.FileInputStream.read}. */
    public String operation() {
        return operation;
    }

    /** The path, remote address, SQL or command; null where the category has none. */
    public String detail() {
        return detail;
    }

    /** How long the call blocked; for a call still blocked when the recording closed, how long until then. */
    public Duration duration() {
        return duration;
    }

    /** Whether the call was still blocked when the recording closed. */
    public boolean inProgress() {
        return inProgress;
    }

    /** The application's line that made the call, such as {@code com.example.Handler.read(Handler.java:42)}. */
    public String site() {
        return site;
    }

    /** The stack, first frame the instrumented method, as {@link StackTraceElement#toString()} writes frames. */
    public List<String> stack() {
        return stack;
    }

    /** The call in one line, then its stack, one {@code at} frame a line: what a test failure shows. */
    public String describe() {
        StringBuilder text = new StringBuilder(headline);
        for (String frame : stack) {
            text.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return text.toString();
    }

    /** The call in one line, as blockwatch's log writes it. */
    @Override
    public String toString() {
        return headline;
    }
}
