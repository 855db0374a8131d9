package dev.blockwatch.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The measured iterations of one JVM, pooled over the rounds per call and configuration, and printed with the
 * cost added against the no-agent row of the same call, then blockwatch's rows against the peers'.
 */
final class CostTable {
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    /**
     * An allocation on every call adds at least 16 bytes a call; what a run without allocation shows is the
     * profiler's and the JVM's own background allocation spread over the calls, a few thousandths of a byte.
     */
    private static final double MAX_ADDED_BYTES = 0.01;
    private static final String ROW = "%-56s %-24s %17s %17s %15s %9s %10s  %-13s %s%n";
    private static final String PEER_ROW = "%-56s %-41s %17s %17s %17s %6s  %s%n";

    private final int rounds;
    private final int iterationsPerRound;
    private final TimeValue iterationTime;
    private final Map<MeasuredCall, Map<MeasuredConfiguration, Samples>> samples = new EnumMap<>(MeasuredCall.class);
    private final List<String> notes = new ArrayList<>();
    private final Map<MeasuredConfiguration, String> unavailablePeers = new EnumMap<>(MeasuredConfiguration.class);
    private String jvmDescription;

    CostTable(int rounds, int iterationsPerRound, TimeValue iterationTime) {
        this.rounds = rounds;
        this.iterationsPerRound = iterationsPerRound;
        this.iterationTime = iterationTime;
    }

    void add(MeasuredConfiguration configuration, RunResult result) {
        BenchmarkParams params = result.getParams();
        jvmDescription = "JDK " + params.getJdkVersion() + ", " + params.getVmName() + " " + params.getVmVersion();
        Samples callSamples = samples.computeIfAbsent(MeasuredCall.ofBenchmark(params.getBenchmark()),
                        call -> new EnumMap<>(MeasuredConfiguration.class))
                .computeIfAbsent(configuration, any -> new Samples());
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                Result<?> allocation = iteration.getSecondaryResults().get(ALLOCATION);
                if (allocation == null) {
                    throw new IllegalStateException("the GC profiler reported no " + ALLOCATION);
                }
                callSamples.nanos.add(iteration.getPrimaryResult().getScore());
                callSamples.bytes.add(allocation.getScore());
            }
        }
    }

    /** A line printed under the rows, such as what the agent records for a call. */
    void addNote(String note) {
        notes.add(note);
    }

    /** The reason a peer configuration could not run on this JVM, shown in its rows instead of figures. */
    void peerUnavailable(MeasuredConfiguration configuration, String reason) {
        unavailablePeers.put(configuration, reason);
    }

    /** @return the verdict of every row and comparison that has a target */
    List<Verdict> print(PrintStream out) {
        out.println(jvmDescription);
        out.printf(Locale.ROOT, "ns/op: median of %d rounds x %d iterations of %s, ± half-width of its 95%% "
                        + "confidence interval; added: difference of the medians against no agent, ± both half-widths "
                        + "combined, also as %% of the no-agent median; B/op: mean (-prof gc, gc.alloc.rate.norm)%n",
                rounds, iterationsPerRound, iterationTime);
        out.printf(Locale.ROOT, ROW, "call", "configuration", "ns/op", "added ns/op", "added %", "B/op",
                "added B/op", "target", "result");
        List<Verdict> verdicts = new ArrayList<>();
        samples.forEach((call, byConfiguration) -> {
            Median baseNanos = byConfiguration.get(MeasuredConfiguration.NO_AGENT).nanosMedian();
            double baseBytes = byConfiguration.get(MeasuredConfiguration.NO_AGENT).bytesMean();
            String callLabel = call.label;
            for (MeasuredConfiguration configuration : MeasuredConfiguration.values()) {
                Samples row = byConfiguration.get(configuration);
                if (row == null) {
                    if (unavailablePeers.containsKey(configuration) && call.measuredIn(configuration)) {
                        out.printf(Locale.ROOT, ROW, callLabel, configuration.label, "not measured", "", "", "", "",
                                "", unavailablePeers.get(configuration));
                        callLabel = "";
                    }
                    continue;
                }
                Median nanos = row.nanosMedian();
                Difference addedNanos = Difference.of(nanos, baseNanos);
                double extraBytes = row.bytesMean() - baseBytes;
                String added = "";
                String addedPercent = "";
                String addedBytes = "";
                String target = "";
                String result = "";
                if (configuration != MeasuredConfiguration.NO_AGENT) {
                    added = addedNanos.toString();
                    addedPercent = String.format(Locale.ROOT, "%+.2f ± %.2f",
                            100 * addedNanos.value() / baseNanos.value(), 100 * addedNanos.error() / baseNanos.value());
                    addedBytes = String.format(Locale.ROOT, "%+.3f", extraBytes);
                }
                if (configuration == MeasuredConfiguration.BLOCKHOUND_NON_BLOCKING) {
                    // what Peer verified after every iteration
                    result = call.peers.blockHoundCallback() ? "callback ran" : "call not hooked";
                }
                if (configuration.isBlockwatch()) {
                    Optional<AddedTimeTarget> maxAdded = call.maxAdded(configuration);
                    Verdict nanosVerdict = maxAdded
                            .map(max -> addedNanos.verdict(max.maxAddedNanos(baseNanos.value())))
                            .orElse(Verdict.MET);
                    boolean bytesMet = !call.suite.allocationTarget || extraBytes < MAX_ADDED_BYTES;
                    List<String> targets = new ArrayList<>();
                    maxAdded.ifPresent(max -> targets.add(max.label()));
                    if (call.suite.allocationTarget) {
                        targets.add("0 B");
                    }
                    target = String.join(", ", targets);
                    if (!bytesMet) {
                        result = nanosVerdict == Verdict.MISSED ? "MISSED (ns/op, B/op)" : "MISSED (B/op)";
                        verdicts.add(Verdict.MISSED);
                    } else {
                        result = describe(nanosVerdict);
                        verdicts.add(nanosVerdict);
                    }
                }
                out.printf(Locale.ROOT, ROW, callLabel, configuration.label,
                        String.format(Locale.ROOT, "%.1f ± %.1f", nanos.value(), nanos.halfWidth()),
                        added, addedPercent, String.format(Locale.ROOT, "%.3f", row.bytesMean()), addedBytes, target,
                        result);
                callLabel = "";
            }
        });
        verdicts.addAll(printPeerTargets(out));
        notes.forEach(out::println);
        return verdicts;
    }

    /** The comparisons with the peers, for every call measured in both configurations of a {@link PeerTarget}. */
    private List<Verdict> printPeerTargets(PrintStream out) {
        List<Verdict> verdicts = new ArrayList<>();
        boolean headed = false;
        for (Map.Entry<MeasuredCall, Map<MeasuredConfiguration, Samples>> entry : samples.entrySet()) {
            MeasuredCall call = entry.getKey();
            Map<MeasuredConfiguration, Samples> byConfiguration = entry.getValue();
            String callLabel = call.label;
            for (PeerTarget target : PeerTarget.values()) {
                if (!call.measuredIn(target.peer) || !byConfiguration.containsKey(target.blockwatch)) {
                    continue;
                }
                if (!headed) {
                    out.println();
                    out.println("against the peers: extra = blockwatch's ns/op median minus the peer's, ± both "
                            + "half-widths combined; ratio = blockwatch's added ns/op over the peer's, where the "
                            + "peer's is clear of the noise");
                    out.printf(Locale.ROOT, PEER_ROW, "call", "target", "blockwatch added", "peer added", "extra",
                            "ratio", "result");
                    headed = true;
                }
                Samples peerRow = byConfiguration.get(target.peer);
                if (peerRow == null) {
                    out.printf(Locale.ROOT, PEER_ROW, callLabel, target.label, "", "", "", "",
                            describe(Verdict.NOT_MEASURED) + ": " + unavailablePeers.getOrDefault(target.peer,
                                    "no rows"));
                    verdicts.add(Verdict.NOT_MEASURED);
                    callLabel = "";
                    continue;
                }
                Median base = byConfiguration.get(MeasuredConfiguration.NO_AGENT).nanosMedian();
                Median blockwatch = byConfiguration.get(target.blockwatch).nanosMedian();
                Median peer = peerRow.nanosMedian();
                Difference blockwatchAdded = Difference.of(blockwatch, base);
                Difference peerAdded = Difference.of(peer, base);
                Difference extra = Difference.of(blockwatch, peer);
                String ratio = peerAdded.value() - peerAdded.error() > 0
                        ? String.format(Locale.ROOT, "%.2f", blockwatchAdded.value() / peerAdded.value()) : "—";
                Verdict verdict = extra.verdict(target.maxExtraNanos);
                verdicts.add(verdict);
                out.printf(Locale.ROOT, PEER_ROW, callLabel, target.label, blockwatchAdded, peerAdded, extra, ratio,
                        describe(verdict));
                callLabel = "";
            }
        }
        return verdicts;
    }

    private static String describe(Verdict verdict) {
        return switch (verdict) {
            case MET -> "met";
            case MISSED -> "MISSED (ns/op)";
            case UNRESOLVED -> "over, within noise";
            case NOT_MEASURED -> "not measured";
        };
    }

    /** One median minus another, and the half-width of that difference's interval: both half-widths combined. */
    private record Difference(double value, double error) {
        static Difference of(Median minuend, Median subtrahend) {
            return new Difference(minuend.value() - subtrahend.value(),
                    Math.hypot(minuend.halfWidth(), subtrahend.halfWidth()));
        }

        Verdict verdict(double max) {
            return Verdict.of(value, error, max);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.1f ± %.1f", value, error);
        }
    }

    private static final class Samples {
        final List<Double> nanos = new ArrayList<>();
        final List<Double> bytes = new ArrayList<>();

        Median nanosMedian() {
            return Median.of(nanos.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double bytesMean() {
            return bytes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }
}
