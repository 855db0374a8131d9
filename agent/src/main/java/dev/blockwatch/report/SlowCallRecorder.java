package dev.blockwatch.report;

import dev.blockwatch.bootstrap.BlockingCallListener;
import dev.blockwatch.config.AllowRule;
import dev.blockwatch.config.BlockwatchOptions;
import dev.blockwatch.config.Category;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Runs on the application's thread for each call over the threshold, while the thread is
 * still inside the instrumented method: takes the stack, applies {@code allow}, finds the
 * site, counts the call in the summary and hands a report to the queue. It never does I/O.
 */
final class SlowCallRecorder implements BlockingCallListener {
    private static final StackWalker WALKER =
            StackWalker.getInstance(EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));

    private final BlockwatchOptions options;
    private final SiteLocator siteLocator;
    private final SiteSummary summary;
    private final ReportQueue queue;
    private final AtomicLong callIds = new AtomicLong();

    SlowCallRecorder(BlockwatchOptions options, SiteSummary summary, ReportQueue queue) {
        this.options = options;
        this.siteLocator = new SiteLocator(options.siteSkip());
        this.summary = summary;
        this.queue = queue;
    }

    @Override
    public void onBlockingCall(int categoryId, String operation, Object detail, long startNanos, long durationNanos) {
        long startEpochMillis = System.currentTimeMillis() - (System.nanoTime() - startNanos) / 1_000_000;
        List<StackWalker.StackFrame> frames = WALKER.walk(stream -> stream
                .dropWhile(frame -> OwnCode.isOwn(frame.getClassName()))
                .collect(Collectors.toList()));
        if (allowed(frames)) {
            return;
        }
        Category category = Category.ofId(categoryId);
        String site = null;
        ClassLoader siteLoader = null;
        if (!frames.isEmpty()) {
            StackWalker.StackFrame siteFrame = frames.get(siteLocator.siteIndex(frames));
            site = siteFrame.toStackTraceElement().toString();
            siteLoader = siteFrame.getDeclaringClass().getClassLoader();
        }
        summary.record(site, category, operation, durationNanos);
        Thread thread = Thread.currentThread();
        StackWalker.StackFrame[] kept = frames.subList(0, Math.min(frames.size(), options.stackDepth()))
                .toArray(new StackWalker.StackFrame[0]);
        queue.offer(new SlowCallReport(callIds.incrementAndGet(), startEpochMillis, thread.getName(), thread.getId(),
                category, operation, CallDetail.describe(detail, options.detail()), durationNanos,
                options.thresholdNanos(), false, site, siteLoader, kept));
    }

    private boolean allowed(List<StackWalker.StackFrame> frames) {
        List<AllowRule> rules = options.allow();
        if (rules.isEmpty()) {
            return false;
        }
        for (StackWalker.StackFrame frame : frames) {
            for (AllowRule rule : rules) {
                if (rule.matches(frame.getClassName(), frame.getMethodName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
