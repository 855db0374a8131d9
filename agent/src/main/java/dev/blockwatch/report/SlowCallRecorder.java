package dev.blockwatch.report;

import dev.blockwatch.bootstrap.BlockingCallListener;
import dev.blockwatch.bootstrap.BlockwatchRuntime;
import dev.blockwatch.bootstrap.NativeCallSubstitutes;
import dev.blockwatch.config.BlockwatchOptions;
import dev.blockwatch.config.Category;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Turns a call over the threshold into a report: applies {@code allow}, finds the site, counts
 * a returned call in the summary and hands the report to the queue and, with {@code jfr=true},
 * to JFR, and to the open recordings that want it. For a call that returned it runs on the
 * application's thread, still inside the instrumented method, so the stack is the caller's own
 * (and JFR's event thread and stack trace are the call's); for a call still blocked it runs on
 * the call watch's thread with the stack taken from the blocked thread. It never does I/O.
 */
final class SlowCallRecorder implements BlockingCallListener {
    private static final StackWalker WALKER =
            StackWalker.getInstance(EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));

    private final BlockwatchOptions options;
    private final SiteLocator siteLocator;
    private final SiteSummary summary;
    private final ReportQueue queue;
    private final JfrEvents jfrEvents;
    private final LoadedClassLoaders loaders;
    private final CallerOperations callerOperations;
    private final CallRecordings recordings;
    private final AtomicLong callIds = new AtomicLong();
    /**
     * Maps System.nanoTime() to the wall clock, fixed at start so that a call's in-progress and
     * final reports give the same start time.
     */
    private final long epochNanosAtNanoTimeZero = System.currentTimeMillis() * 1_000_000 - System.nanoTime();

    SlowCallRecorder(BlockwatchOptions options, SiteSummary summary, ReportQueue queue, JfrEvents jfrEvents,
                     CallRecordings recordings, LoadedClassLoaders loaders, CallerOperations callerOperations) {
        this.recordings = recordings;
        this.options = options;
        this.loaders = loaders;
        this.callerOperations = callerOperations;
        this.siteLocator = new SiteLocator(options.siteSkip());
        this.summary = summary;
        this.queue = queue;
        this.jfrEvents = jfrEvents;
    }

    @Override
    public void onBlockingCall(int categoryId, String operation, Object detail, long startNanos, long durationNanos,
                               long callNumber, long inProgressCallId) {
        // the runtime's threshold is below the options' only while a recording asks for it
        boolean toSinks = durationNanos >= options.thresholdNanos();
        if (!toSinks && !recordings.want(Thread.currentThread(), callNumber, durationNanos)) {
            return;
        }
        List<StackWalker.StackFrame> frames = WALKER.walk(walked -> walked.collect(Collectors.toList()));
        int first = 0;
        while (first < frames.size() && OwnCode.isOwn(frames.get(first).getClassName())) {
            first++;
        }
        CapturedStack stack = CapturedStack.walked(frames.subList(first, frames.size()));
        if (first > 0 && frames.get(first - 1).getClassName().equals(NativeCallSubstitutes.class.getName())) {
            stack = stack.underNativeCallee(operation);
        }
        long callId = inProgressCallId != 0 ? inProgressCallId : nextCallId();
        SlowCallReport report = report(Thread.currentThread(), Category.ofId(categoryId), operation, detail,
                startNanos, durationNanos, stack, callId, false);
        if (report == null) {
            return;
        }
        if (toSinks) {
            // emitted here, not deeper: each frame of blockwatch's sits on top of the JFR event's stack
            jfrEvents.emit(report);
        }
        deliverFinal(report, stack, Thread.currentThread(), callNumber, durationNanos);
    }

    /** Reports a call that is still blocked, with the stack taken from its thread. */
    void onCallInProgress(Thread thread, Category category, String operation, Object subject, long startNanos,
                          long durationNanos, long callNumber, StackTraceElement[] stack, long callId) {
        CapturedStack frames = inProgressStack(stack);
        SlowCallReport report = report(thread, category, operation, subject, startNanos, durationNanos, frames,
                callId, true);
        if (report != null) {
            queue.offer(report);
            recordings.offer(report, frames, thread, callNumber, durationNanos);
        }
    }

    /**
     * Reports a call whose thread missed the call watch's mark as the call ended, from the call
     * watch's thread: with the stack taken when it was marked, and the time it was last seen
     * under way. Not a JFR event: JFR would record the call watch's thread.
     */
    void onMarkMissed(Thread thread, Category category, String operation, Object subject, long startNanos,
                      long durationNanos, long callNumber, StackTraceElement[] stack, long inProgressCallId) {
        CapturedStack frames = inProgressStack(stack);
        long callId = inProgressCallId != 0 ? inProgressCallId : nextCallId();
        SlowCallReport report = report(thread, category, operation, subject, startNanos, durationNanos, frames,
                callId, false);
        if (report != null) {
            deliverFinal(report, frames, thread, callNumber, durationNanos);
        }
    }

    /**
     * Hands a call that ended to the summary and the sinks when it is over the options'
     * threshold, and to the open recordings that want it.
     */
    private void deliverFinal(SlowCallReport report, CapturedStack stack, Thread thread, long callNumber,
                              long durationNanos) {
        if (durationNanos >= options.thresholdNanos()) {
            summary.record(report.site(), report.category(), report.operation(), durationNanos);
            queue.offer(report);
        }
        recordings.offer(report, stack, thread, callNumber, durationNanos);
    }

    /** Hands a call that is still blocked to one recording only: one that is closing and wants it. */
    void collectInProgress(CallRecording recording, Thread thread, Category category, String operation,
                           Object subject, long startNanos, long durationNanos, StackTraceElement[] stack) {
        CapturedStack frames = inProgressStack(stack);
        SlowCallReport report = report(thread, category, operation, subject, startNanos, durationNanos, frames,
                nextCallId(), true);
        if (report != null) {
            recording.offer(report, frames);
        }
    }

    /** blockwatch's own frames may sit mid-stack here (a rewritten call site's substitute). */
    private static CapturedStack inProgressStack(StackTraceElement[] stack) {
        return CapturedStack.of(Arrays.stream(stack)
                .filter(frame -> !OwnCode.isOwn(frame.getClassName()))
                .toArray(StackTraceElement[]::new));
    }

    /**
     * Where the site search starts: above the instrumented call's frames. A live stack may hold
     * frames deeper than the call (code the JDK called back, such as a name resolver), which are
     * never the site; and the instrumented method, or a pool's wrapper around a driver's
     * method, is the library the application called, whatever package it is in.
     */
    private static int siteSearchStart(String operation, CapturedStack stack) {
        Set<String> instrumentedTypes = BlockwatchRuntime.instrumentedTypesOf(operation);
        int frame = 0;
        while (frame < stack.size() && !instrumentedTypes.contains(stack.className(frame))) {
            frame++;
        }
        if (frame == stack.size()) {
            return 0;
        }
        while (frame < stack.size() && instrumentedTypes.contains(stack.className(frame))) {
            frame++;
        }
        return frame < stack.size() ? frame : 0;
    }

    long nextCallId() {
        return callIds.incrementAndGet();
    }

    /** The report of a call, or null when {@code allow} covers it or it is a pool's idle wait. */
    private SlowCallReport report(Thread thread, Category category, String operation, Object detail, long startNanos,
                                  long durationNanos, CapturedStack stack, long callId, boolean inProgress) {
        if (stack.inside(options.allow()) || (category == Category.WAIT && CallerOperations.isPoolIdleWait(stack))) {
            return null;
        }
        int siteSearchStart = siteSearchStart(operation, stack);
        String reportedOperation = callerOperations.name(operation, stack);
        if (category == Category.WAIT && RedisCommandText.isClientFuture(detail)
                && options.categories().contains(Category.REDIS)) {
            // a blocking get() on a Redis client's future is that client's call
            category = Category.REDIS;
            reportedOperation = RedisCommandText.futureOperation(operation);
        }
        long startEpochMillis = Math.floorDiv(epochNanosAtNanoTimeZero + startNanos, 1_000_000);
        String site = null;
        ClassLoader siteLoader = null;
        if (stack.size() > 0) {
            int siteIndex = siteLocator.siteIndex(stack, siteSearchStart);
            site = stack.text(siteIndex);
            siteLoader = stack.classLoader(siteIndex);
            if (siteLoader == null && inProgress) {
                siteLoader = loaders.loaderOf(stack.className(siteIndex));
            }
        }
        if (siteLoader == null) {
            siteLoader = thread.getContextClassLoader();
        }
        return new SlowCallReport(callId, startEpochMillis, thread.getName(), thread.getId(), category,
                reportedOperation, CallDetail.describe(category, detail, options.detail()), durationNanos,
                options.thresholdNanos(), inProgress,
                site, siteLoader, stack.first(options.stackDepth()));
    }
}
