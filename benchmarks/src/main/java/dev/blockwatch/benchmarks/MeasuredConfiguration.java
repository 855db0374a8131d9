package dev.blockwatch.benchmarks;

import java.nio.file.Path;
import java.util.List;

/** How the forked benchmark JVM runs: without the agent, or with it and the JMH worker thread unwatched or watched. */
enum MeasuredConfiguration {
    NO_AGENT("no agent", null),
    /** Default thread policy: a JMH worker is no event loop. */
    UNWATCHED("agent, unwatched", ""),
    /** JMH 1.37 names its worker threads {@code <benchmark id>-jmh-worker-<n>}. */
    WATCHED("agent, watched", ",thread-names=.*jmh-worker.*");

    final String label;
    /** Agent options that decide whether the worker thread is watched; null without the agent. */
    private final String threadOptions;

    MeasuredConfiguration(String label, String threadOptions) {
        this.label = label;
        this.threadOptions = threadOptions;
    }

    boolean usesAgent() {
        return threadOptions != null;
    }

    /** The forked JVM's arguments for measuring: every call stays far under the threshold, nothing is logged. */
    List<String> measuringJvmArgs(Path agentJar) {
        if (!usesAgent()) {
            return List.of();
        }
        return List.of("-javaagent:" + agentJar + "=log=false,threshold=1s" + threadOptions);
    }

    /** The forked JVM's arguments for {@link ThreadWatchCheck}: every timed call is reported to {@code json}. */
    List<String> reportingJvmArgs(Path agentJar, Path json) {
        return List.of("-javaagent:" + agentJar + "=log=false,threshold=0,json=" + json + threadOptions);
    }
}
