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
 * cost added against the no-agent row of the same call.
 */
final class CostTable {
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    /**
     * An allocation on every call adds at least 16 bytes a call; what a run without allocation shows is the
     * profiler's and the JVM's own background allocation spread over the calls, a few thousandths of a byte.
     */
    private static final double MAX_ADDED_BYTES = 0.01;
    private static final String ROW = "%-56s %-17s %17s %17s %15s %9s %10s  %-13s %s%n";

    private final int rounds;
    private final int iterationsPerRound;
    private final TimeValue iterationTime;
    private final Map<MeasuredCall, Map<MeasuredConfiguration, Samples>> samples = new EnumMap<>(MeasuredCall.class);
    private final List<String> notes = new ArrayList<>();
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

    /** @return the verdict of every row that has a target */
    List<Verdict> print(PrintStream out) {
        out.println(jvmDescription);
        out.printf(Locale.ROOT, "ns/op: median of %d rounds x %d iterations of %s, ± half-width of its 95%% "
                        + "confidence interval; added: difference of the medians, ± both half-widths combined, "
                        + "also as %% of the no-agent median; B/op: mean (-prof gc, gc.alloc.rate.norm)%n",
                rounds, iterationsPerRound, iterationTime);
        out.printf(Locale.ROOT, ROW, "call", "configuration", "ns/op", "added ns/op", "added %", "B/op",
                "added B/op", "target", "result");
        List<Verdict> verdicts = new ArrayList<>();
        samples.forEach((call, byConfiguration) -> {
            Samples base = byConfiguration.get(MeasuredConfiguration.NO_AGENT);
            Median baseNanos = base.nanosMedian();
            String callLabel = call.label;
            for (MeasuredConfiguration configuration : MeasuredConfiguration.values()) {
                Samples row = byConfiguration.get(configuration);
                Median nanos = row.nanosMedian();
                String added = "";
                String addedPercent = "";
                String addedBytes = "";
                String target = "";
                String result = "";
                if (configuration.usesAgent()) {
                    double addedNanos = nanos.value() - baseNanos.value();
                    double addedError = Math.hypot(nanos.halfWidth(), baseNanos.halfWidth());
                    double extraBytes = row.bytesMean() - base.bytesMean();
                    added = String.format(Locale.ROOT, "%+.1f ± %.1f", addedNanos, addedError);
                    addedPercent = String.format(Locale.ROOT, "%+.2f ± %.2f", 100 * addedNanos / baseNanos.value(),
                            100 * addedError / baseNanos.value());
                    addedBytes = String.format(Locale.ROOT, "%+.3f", extraBytes);
                    Optional<AddedTimeTarget> maxAdded = call.maxAdded(configuration);
                    Verdict nanosVerdict = maxAdded
                            .map(max -> Verdict.of(addedNanos, addedError, max.maxAddedNanos(baseNanos.value())))
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
                        result = switch (nanosVerdict) {
                            case MET -> "met";
                            case MISSED -> "MISSED (ns/op)";
                            case UNRESOLVED -> "over, within noise";
                        };
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
        notes.forEach(out::println);
        return verdicts;
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
