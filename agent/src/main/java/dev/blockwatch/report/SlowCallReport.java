package dev.blockwatch.report;

import dev.blockwatch.config.Category;
import java.util.List;

/**
 * One reported call, as every sink receives it: a call that returned, or one still blocked
 * ({@link #inProgress()}). Its stack frames are turned into text lazily, on blockwatch's own
 * thread.
 */
public final class SlowCallReport {
    private final long callId;
    private final long startEpochMillis;
    private final String threadName;
    private final long threadId;
    private final Category category;
    private final String operation;
    private final String detail;
    private final long durationNanos;
    private final long thresholdNanos;
    private final boolean inProgress;
    private final String site;
    private final ClassLoader siteLoader;
    private final CapturedStack stack;

    SlowCallReport(long callId, long startEpochMillis, String threadName, long threadId, Category category,
                   String operation, String detail, long durationNanos, long thresholdNanos, boolean inProgress,
                   String site, ClassLoader siteLoader, CapturedStack stack) {
        this.callId = callId;
        this.startEpochMillis = startEpochMillis;
        this.threadName = threadName;
        this.threadId = threadId;
        this.category = category;
        this.operation = operation;
        this.detail = detail;
        this.durationNanos = durationNanos;
        this.thresholdNanos = thresholdNanos;
        this.inProgress = inProgress;
        this.site = site;
        this.siteLoader = siteLoader;
        this.stack = stack;
    }

    public long callId() {
        return callId;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    public String threadName() {
        return threadName;
    }

    public long threadId() {
        return threadId;
    }

    public Category category() {
        return category;
    }

    public String operation() {
        return operation;
    }

    /** The path, remote address or similar; null where the family has none or detail=none. */
    public String detail() {
        return detail;
    }

    public long durationNanos() {
        return durationNanos;
    }

    public long thresholdNanos() {
        return thresholdNanos;
    }

    public boolean inProgress() {
        return inProgress;
    }

    public String site() {
        return site;
    }

    /** The class loader of the site's class: where the application's logging is found. */
    ClassLoader siteLoader() {
        return siteLoader;
    }

    /**
     * The call in one line, as the log writes it after {@code blockwatch: }, such as
     * {@code 512.3 ms file java.io.FileInputStream.read /data/big.bin on nioEventLoopGroup-2-1 at com.example.Handler.read(Handler.java:42)}.
     */
    public String headline() {
        StringBuilder line = new StringBuilder(160);
        if (inProgress) {
            line.append("still blocked after ");
        }
        line.append(ReportText.logMillis(durationNanos)).append(" ms ").append(category.optionName()).append(' ')
                .append(operation);
        if (detail != null) {
            line.append(' ').append(detail);
        }
        return line.append(" on ").append(threadName).append(" at ").append(site).toString();
    }

    /** The stack, first frame the instrumented method, as {@link StackTraceElement#toString()} writes it. */
    public List<String> stack() {
        return stack.lines();
    }
}
