package dev.blockwatch.report;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import jdk.jfr.FlightRecorder;

/**
 * Emits a {@link BlockingCallEvent} for each reported call that returned, when {@code jfr=true}.
 * It runs on the application's thread, inside the instrumented method, so that JFR records the
 * blocked thread and its stack; committing an event only writes to JFR's buffer of that thread,
 * and this runs only for calls already over the threshold. Reports of calls still blocked are not
 * emitted: they are made on blockwatch's in-progress thread, whose thread and stack JFR would
 * record instead; the call's event comes when it returns.
 */
final class JfrEvents {
    private static final JfrEvents OFF = new JfrEvents(false);

    private final boolean emitting;

    private JfrEvents(boolean emitting) {
        this.emitting = emitting;
    }

    /**
     * Emits events when asked to and the JVM has JDK Flight Recorder; otherwise says why not in one
     * line, and nothing is emitted.
     */
    static JfrEvents open(boolean requested) {
        if (!requested) {
            return OFF;
        }
        String missing = missingFlightRecorder();
        if (missing != null) {
            System.err.println("blockwatch: jfr=true, but " + missing
                    + "; no JFR events are emitted, the rest of blockwatch works");
            return OFF;
        }
        return new JfrEvents(true);
    }

    /**
     * Why this JVM cannot record the events, or null when it can. The event class is loaded and
     * initialised here, before blockwatch is active: the first emit may come at the end of a timed
     * read of the agent jar by a class loader, which reads an entry in several calls, and loading
     * from that jar in between would move the file position under it. Loading it here also keeps
     * JFR's instrumentation of the class, when a recording runs, off the application's threads.
     */
    private static String missingFlightRecorder() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            return "this JVM has no JDK Flight Recorder: module jdk.jfr is not loaded"
                    + " (add it with --add-modules jdk.jfr, or to a jlink image)";
        }
        if (!FlightRecorder.isAvailable()) {
            return "JDK Flight Recorder is not available in this JVM build";
        }
        try {
            Class.forName(BlockingCallEvent.class.getName(), true, JfrEvents.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "its JFR event cannot be loaded (" + e + ")";
        }
        return null;
    }

    /** Emits the event of a call that returned; never throws into the application. */
    void emit(SlowCallReport report) {
        if (!emitting) {
            return;
        }
        try {
            BlockingCallEvent event = new BlockingCallEvent();
            if (event.shouldCommit()) {
                event.category = report.category().optionName();
                event.operation = report.operation();
                event.detail = report.detail();
                event.site = report.site();
                event.callId = report.callId();
                event.callDuration = report.durationNanos();
                event.callStart = report.startEpochMillis();
                event.threshold = report.thresholdNanos();
                event.commit();
            }
        } catch (RuntimeException | LinkageError e) {
            BlockwatchRuntime.countFailure();
        }
    }
}
