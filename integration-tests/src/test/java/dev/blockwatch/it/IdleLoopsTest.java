package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.it.apps.IdleLoopsScenarios;
import dev.blockwatch.it.apps.LocalPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No false alarms from the loops' own machinery: a Netty server on an NIO and on an epoll event
 * loop, a Vert.x 5 HTTP server and a hand-written NIO selector loop sit idle for 3 s at threshold
 * 1 ms, and nothing they do meanwhile (select, epoll wait, task-queue waits) is reported. A socket
 * read of about 20 ms made on each loop afterwards is reported, which shows each loop is watched.
 * What the servers' start sets off (binding, loading classes) is not idle and ends before the idle
 * time begins; every call that ran during the idle time or after it is checked. One child JVM per
 * JDK runs {@link IdleLoopsScenarios}.
 */
class IdleLoopsTest {
    private static final String PROBE = "readFromPeer";
    /** Each loop: its scenario name in the application's output. */
    private static final List<String> LOOPS = List.of("nettyNio", "nettyEpoll", "vertx", "selectorLoop");

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir).libraries("netty-", "vertx-", "jackson-core-");
        return child.agent("threshold=1ms,log=false,json=" + child.reportFile())
                .run(IdleLoopsScenarios.class)
                .assertExitedNormally();
    });

    static Stream<Arguments> loopsOnEveryJdk() {
        return Jdk.all().stream().flatMap(jdk -> LOOPS.stream().map(loop -> Arguments.of(jdk, loop)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void nothingButTheProbesIsReportedFromTheIdleTimeOn(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        List<ReportRecord> idle = notProbes(callsFromTheIdleTimeOn(child));
        assertEquals(List.of(), idle, "records of calls that ran during the idle time or after it, besides the"
                + " probes (idle from " + child.fact("idle.start") + " to " + child.fact("idle.end") + ")");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("loopsOnEveryJdk")
    void idleLoopIsWatchedButItsIdleWaitIsNotReported(Jdk jdk, String loop) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals(String.valueOf(LocalPeer.ANSWER), child.fact(loop + ".value"), "byte the probe read on " + loop);
        String thread = child.fact(loop + ".thread");
        List<ReportRecord> onLoop = callsFromTheIdleTimeOn(child).stream()
                .filter(call -> call.string("thread").equals(thread))
                .toList();
        assertEquals(List.of(), notProbes(onLoop), "records of the idle " + loop + " loop (thread " + thread + ")");
        List<ReportRecord> probes = onLoop.stream()
                .filter(call -> call.isFinalCall() && call.siteIs(IdleLoopsScenarios.class, PROBE))
                .toList();
        assertEquals(1, probes.size(), "final records of the probe's read on " + loop + " (thread " + thread
                + "):\n" + child.report());
        new ExpectedCall("socket", "java.net.Socket.read", child.fact("peer"), thread,
                Long.parseLong(child.fact(loop + ".threadId")), IdleLoopsScenarios.class, PROBE,
                IdleLoopsScenarios.PROBE_DELAY.toMillis() / 2.0, 1000, 1)
                .assertMatches(probes.get(0), child);
    }

    /** Blocking-call records, in-progress ones too, of the calls that had not ended when the idle time began. */
    private static List<ReportRecord> callsFromTheIdleTimeOn(ChildJvm.Result child) {
        Instant idleStart = Instant.parse(child.fact("idle.start"));
        return child.report().blockingCalls().stream()
                .filter(call -> {
                    Duration lasted = Duration.ofNanos((long) (call.number("durationMs") * 1_000_000));
                    return !Instant.parse(call.string("time")).plus(lasted).isBefore(idleStart);
                })
                .toList();
    }

    /** The calls made by no probe; at 1 ms, a probe's connect may be reported besides its read. */
    private static List<ReportRecord> notProbes(List<ReportRecord> calls) {
        return calls.stream()
                .filter(call -> call.strings("stack").stream()
                        .noneMatch(frame -> Frame.is(frame, IdleLoopsScenarios.class, PROBE)))
                .toList();
    }
}
