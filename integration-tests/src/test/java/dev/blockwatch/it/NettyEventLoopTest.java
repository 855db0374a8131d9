package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.LocalPeer;
import dev.blockwatch.it.apps.NettyScenarios;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A blocking socket read of 150 ms at threshold 50 ms on Netty's NIO and epoll event loops (watched
 * by default), on a DefaultEventExecutorGroup thread and on a plain thread (not watched by default,
 * watched with threads=all or a matching thread-names). One child JVM per JDK and option set runs
 * all of {@link NettyScenarios}.
 */
class NettyEventLoopTest {
    private static final String[] SCENARIOS = {"nioEventLoop", "epollEventLoop", "defaultEventExecutorGroup",
        "plainThread"};

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> DEFAULT_THREADS = runWith("");
    private static final OncePerJdk<ChildJvm.Result> ALL_THREADS = runWith(",threads=all");
    private static final OncePerJdk<ChildJvm.Result> NAMED_THREADS =
            runWith(",thread-names=plain-reader|defaultEventExecutorGroup-.*");

    private static OncePerJdk<ChildJvm.Result> runWith(String moreOptions) {
        return new OncePerJdk<>(jdk -> {
            ChildJvm child = ChildJvm.on(jdk, workDir).libraries("netty-");
            return child.agent("threshold=50ms,json=" + child.reportFile() + moreOptions)
                    .run(NettyScenarios.class)
                    .assertExitedNormally();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void socketReadOnNettyNioEventLoopIsReported(Jdk jdk) {
        assertReported(DEFAULT_THREADS.get(jdk), "nioEventLoop");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void socketReadOnNettyEpollEventLoopIsReported(Jdk jdk) {
        assertReported(DEFAULT_THREADS.get(jdk), "epollEventLoop");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void socketReadOnDefaultEventExecutorGroupIsNotReported(Jdk jdk) {
        assertNotReported(DEFAULT_THREADS.get(jdk), "defaultEventExecutorGroup");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void socketReadOnPlainThreadIsNotReported(Jdk jdk) {
        assertNotReported(DEFAULT_THREADS.get(jdk), "plainThread");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadsAllReportsTheReadOnEveryThread(Jdk jdk) {
        ChildJvm.Result child = ALL_THREADS.get(jdk);
        for (String scenario : SCENARIOS) {
            assertReported(child, scenario);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadNamesWatchesTheMatchingThreads(Jdk jdk) {
        ChildJvm.Result child = NAMED_THREADS.get(jdk);
        assertTrue(child.fact("defaultEventExecutorGroup.thread").startsWith("defaultEventExecutorGroup-"),
                "the executor group's thread name, which thread-names matches\n" + child.describe());
        for (String scenario : SCENARIOS) {
            assertReported(child, scenario);
        }
    }

    /** The scenario's read is the one call reported on its thread, with every field as expected. */
    private static void assertReported(ChildJvm.Result child, String scenario) {
        assertEquals(String.valueOf(LocalPeer.ANSWER), child.fact(scenario + ".value"), "byte read in " + scenario);
        String thread = child.fact(scenario + ".thread");
        ReportRecord call = child.report().onlyFinalCallOn(thread);
        new ExpectedCall("socket", "java.net.Socket.read", child.fact("peer"), thread,
                Long.parseLong(child.fact(scenario + ".threadId")), NettyScenarios.class, "readFromPeer",
                100, 1000, 50)
                .assertMatches(call, child);
    }

    private static void assertNotReported(ChildJvm.Result child, String scenario) {
        assertEquals(String.valueOf(LocalPeer.ANSWER), child.fact(scenario + ".value"), "byte read in " + scenario);
        String thread = child.fact(scenario + ".thread");
        Report report = child.report();
        List<ReportRecord> onThread = report.blockingCalls().stream()
                .filter(r -> r.string("thread").equals(thread))
                .toList();
        assertEquals(List.of(), onThread, "records of " + scenario + " (thread " + thread + ")");
    }
}
