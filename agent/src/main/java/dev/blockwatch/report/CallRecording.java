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
 * in-progress one. Calls that started before it opened belong to whoever was recording then.
 */
public final class CallRecording {
    private final long openedNanos;
    private final long thresholdNanos;
    private final Set<Category> categories;
    private final List<AllowRule> allow;
    private final Map<Long, SlowCallReport> calls = new LinkedHashMap<>();
    private boolean open = true;

    CallRecording(long openedNanos, long thresholdNanos, Set<Category> categories, List<AllowRule> allow) {
        this.openedNanos = openedNanos;
        this.thresholdNanos = thresholdNanos;
        this.categories = categories;
        this.allow = allow;
    }

    long openedNanos() {
        return openedNanos;
    }

    /** Calls that take at least this long are collected. */
    public long thresholdNanos() {
        return thresholdNanos;
    }

    /** Whether a call is this recording's to collect; its report is built only if one recording wants it. */
    boolean wants(long startNanos, long durationNanos) {
        return startNanos - openedNanos >= 0 && durationNanos >= thresholdNanos;
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
