package dev.blockwatch.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a forked benchmark JVM runs: with no detector, with blockwatch and the JMH worker thread unwatched or watched,
 * or with one of the peers that blockwatch is compared with (BlockHound, JFR's I/O events).
 */
enum MeasuredConfiguration {
    NO_AGENT("no agent"),
    /** Default thread policy: a JMH worker is no event loop. */
    UNWATCHED("blockwatch, unwatched"),
    /** JMH 1.37 names its worker threads {@code <benchmark id>-jmh-worker-<n>}. */
    WATCHED("blockwatch, watched"),
    /** BlockHound installed; the worker is a normal thread, so each hooked call only asks whether it may block. */
    BLOCKHOUND("BlockHound, normal"),
    /** BlockHound installed with the worker as a non-blocking thread and a callback that counts instead of throwing. */
    BLOCKHOUND_NON_BLOCKING("BlockHound, non-blocking"),
    /** A JFR recording of {@code jdk.FileRead} and {@code jdk.SocketRead} only, at blockwatch's default threshold. */
    JFR("JFR I/O events");

    /**
     * Tells the forked JVM's {@link Peer} state which configuration it runs in; not under {@code blockwatch.}, where
     * the agent reads its options from.
     */
    static final String PROPERTY = "benchmarks.configuration";
    /** The events the JFR configuration enables, at blockwatch's default threshold: calls under it record nothing. */
    static final List<String> JFR_EVENTS = List.of("jdk.FileRead", "jdk.SocketRead");
    static final String JFR_THRESHOLD = "20 ms";

    final String label;

    MeasuredConfiguration(String label) {
        this.label = label;
    }

    boolean isBlockwatch() {
        return this == UNWATCHED || this == WATCHED;
    }

    boolean isBlockHound() {
        return this == BLOCKHOUND || this == BLOCKHOUND_NON_BLOCKING;
    }

    boolean isPeer() {
        return isBlockHound() || this == JFR;
    }

    /** The configuration a forked JVM was started in, if {@link BenchmarkTable} started it. */
    static Optional<MeasuredConfiguration> ofThisJvm() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).map(MeasuredConfiguration::valueOf);
    }

    /** The forked JVM's arguments for measuring: every call stays far under the threshold, nothing is logged. */
    List<String> measuringJvmArgs(Path agentJar) {
        List<String> args = new ArrayList<>();
        args.add("-D" + PROPERTY + "=" + name());
        switch (this) {
            case NO_AGENT -> {
            }
            case UNWATCHED, WATCHED -> args.add("-javaagent:" + agentJar + "=log=false,threshold=1s" + threadOptions());
            // BlockHound renames the native methods it wraps, which the JVM refuses since JDK 13 without the first
            // flag; it attaches to its own JVM to do so, which JDK 21+ warns about on the console without the second
            case BLOCKHOUND, BLOCKHOUND_NON_BLOCKING -> args.addAll(List.of("-XX:+AllowRedefinitionToAddDeleteMethods",
                    "-XX:+EnableDynamicAgentLoading"));
            case JFR -> {
                StringBuilder recording = new StringBuilder("-XX:StartFlightRecording:settings=none");
                for (String event : JFR_EVENTS) {
                    recording.append(",+").append(event).append("#enabled=true,+").append(event).append("#threshold=")
                            .append(JFR_THRESHOLD);
                }
                // in memory: no chunk files written in the background while calls are timed
                args.add(recording.append(",disk=false").toString());
            }
        }
        return args;
    }

    /** The forked JVM's arguments for {@link ThreadWatchCheck}: every timed call is reported to {@code json}. */
    List<String> reportingJvmArgs(Path agentJar, Path json) {
        if (!isBlockwatch()) {
            throw new IllegalArgumentException(label + " runs no blockwatch agent to report");
        }
        return List.of("-javaagent:" + agentJar + "=log=false,threshold=0,json=" + json + threadOptions());
    }

    /** Agent options that decide whether the worker thread is watched. */
    private String threadOptions() {
        return this == WATCHED ? ",thread-names=.*jmh-worker.*" : "";
    }
}
