package dev.blockwatch.report;

import dev.blockwatch.config.Category;
import java.util.List;

/** Builds {@link SlowCallReport}s for tests, with the example values of DESIGN.md's Output section as defaults. */
final class ReportBuilder {
    private long callId = 1042;
    private long startEpochMillis = 1_795_457_045_123L;
    private String threadName = "nioEventLoopGroup-2-1";
    private long threadId = 31;
    private Category category = Category.FILE;
    private String operation = "java.io.FileInputStream.read";
    private String detail = "/var/data/big.bin";
    private long durationNanos = 512_300_000;
    private long thresholdNanos = 20_000_000;
    private boolean inProgress;
    private String site = "com.example.Handler.channelRead(Handler.java:42)";
    private List<StackWalker.StackFrame> frames = List.of();

    ReportBuilder callId(long value) {
        callId = value;
        return this;
    }

    ReportBuilder startEpochMillis(long value) {
        startEpochMillis = value;
        return this;
    }

    ReportBuilder thread(String name, long id) {
        threadName = name;
        threadId = id;
        return this;
    }

    ReportBuilder call(Category value, String calledOperation, String calledDetail) {
        category = value;
        operation = calledOperation;
        detail = calledDetail;
        return this;
    }

    ReportBuilder durationNanos(long value) {
        durationNanos = value;
        return this;
    }

    ReportBuilder thresholdNanos(long value) {
        thresholdNanos = value;
        return this;
    }

    ReportBuilder inProgress(boolean value) {
        inProgress = value;
        return this;
    }

    ReportBuilder site(String value) {
        site = value;
        return this;
    }

    ReportBuilder frames(List<StackWalker.StackFrame> value) {
        frames = value;
        return this;
    }

    SlowCallReport build() {
        return new SlowCallReport(callId, startEpochMillis, threadName, threadId, category, operation, detail,
                durationNanos, thresholdNanos, inProgress, site, null,
                CapturedStack.walked(frames));
    }
}
