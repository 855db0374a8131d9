package dev.blockwatch.report;

import dev.blockwatch.config.AllowRule;
import dev.blockwatch.config.Category;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls one recording collects: those over its threshold, in its categories, that started on
 * a watched thread while it was open. A call is held once: its final report replaces its
 * in-progress one. Calls that started before it opened belong to whoever was recording then:
 * which ones those are is told by the numbers of the calls (one more per call on each thread),
 * not by time, which the call watch knows only to its period.
 */
public final class CallRecording {
    /** The number of each watched thread's latest call when the recording opened. */
    private final Map<Thread, Long> callNumbersAtOpening;
    private final long thresholdNanos;
    private final Set<Category> categories;
    private final List<AllowRule> allow;
    private final Map<Long, SlowCallReport> calls = new LinkedHashMap<>();
    private boolean open = true;

    CallRecording(Map<Thread, Long> callNumbersAtOpening, long thresholdNanos, Set<Category> categories,
                  List<AllowRule> allow) {
        this.callNumbersAtOpening = callNumbersAtOpening;
        this.thresholdNanos = thresholdNanos;
        this.categories = categories;
        this.allow = allow;
    }

    /** Calls that take at least this long are collected. */
    public long thresholdNanos() {
        return thresholdNanos;
    }

    /** Whether a call is this recording's to collect; its report is built only if one recording wants it. */
    boolean wants(Thread thread, long callNumber, long durationNanos) {
        Long atOpening = callNumbersAtOpening.get(thread);
        // a thread first watched after the opening made all its calls since
        return (atOpening == null || callNumber > atOpening) && durationNanos >= thresholdNanos;
    }

    /** Collects a call's report, unless its category is not collected or it was made inside an allowed method. */
    void offer(SlowCallReport report, CapturedStack stack) {
        if (!categories.contains(report.category()) || stack.inside(allow)) {
            return;
        }
        synchronized (this) {
            if (!open) {
                return;
            }
            SlowCallReport held = calls.get(report.callId());
            if (held == null || held.inProgress()) {
                calls.put(report.callId(), report);
            }
        }
    }

    /** The calls collected so far, in the order they were first seen. */
    public synchronized List<SlowCallReport> calls() {
        return new ArrayList<>(calls.values());
    }

    /** Stops collecting; later reports are not this recording's. */
    synchronized void close() {
        open = false;
    }
}
