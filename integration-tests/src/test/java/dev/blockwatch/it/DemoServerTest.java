package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.demo.DemoServer;
import dev.blockwatch.it.apps.DemoServerDriver;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo server (module {@code demo-server}) under the agent at threshold 20 ms, driven by
 * {@link DemoServerDriver} in the same child JVM: every blocking endpoint is reported at one site,
 * its own method of {@code dev.blockwatch.demo.Endpoints}, with its category, once per plain request
 * and on the one event loop thread; {@code /fast} and every {@code ?offload=true} request (run on the
 * {@code demo-worker-N} threads) are not reported at all. {@code /redis} needs the Redis server on
 * 127.0.0.1:6379: without it the test fails, saying how to start it.
 * <p>
 * One exclusion: a class that loads for the first time on the event loop makes the JDK read a jar
 * (or a file of the JDK itself) there, and a read that takes over 20 ms on a busy machine is rightly
 * reported as a {@code file} call at whatever application line caused the loading. The driver
 * offloads each endpoint once before its first plain request, so that its classes mostly load on a
 * worker, but that cannot be guaranteed (lambdas, the JIT's own timing); so {@code file} records
 * whose detail is a {@code .jar} or under the JDK's home are left out here, and only those.
 */
class DemoServerTest {
    private static final String ENDPOINTS_CLASS = "dev.blockwatch.demo.Endpoints";
    /** Each blocking endpoint: its method in Endpoints, its category, and the operation each plain request makes. */
    private static final Map<String, Expected> EXPECTED = Map.of(
            "/file", new Expected("readFile", "file", "java.nio.file.Files.readAllBytes"),
            "/socket", new Expected("callBackend", "socket", "java.net.Socket.read"),
            "/dns", new Expected("lookUpHost", "dns", "java.net.InetAddress.getByName"),
            "/exec", new Expected("runBackup", "process", "java.lang.Process.waitFor"),
            "/sleep", new Expected("sleep", "sleep", "java.lang.Thread.sleep"),
            "/lock", new Expected("readCacheUnderLock", "wait", "java.util.concurrent.locks.ReentrantLock.lock"),
            "/db", new Expected("queryDatabase", "jdbc", "java.sql.Statement.execute"),
            "/redis", new Expected("popFromRedis", "redis", "redis.clients.jedis.UnifiedJedis.blpop"));
    private static final String FAST_METHOD = "fast";
    /** Netty, H2 and Jedis load under the agent: JDK 17 on a busy 2-core machine needs well over a minute. */
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(180);

    private record Expected(String method, String category, String operation) {
    }

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>("demo server", jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir)
                .classPathEntry(demoServerClasses())
                .libraries("netty-", "h2-", "jedis-", "commons-pool2-", "json-", "gson-", "redis-authx-core-",
                        "slf4j-api-")
                .timeout(CHILD_TIMEOUT);
        ChildJvm.Result result = child.agent("threshold=20ms,json=" + child.reportFile())
                .run(DemoServerDriver.class)
                .assertExitedNormally();
        assertEquals("true", result.fact("done"), "the driver ran to its end\n" + result.describe());
        return result;
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyRequestWasAnswered(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals("true", child.fact("redis"), "/redis needs a Redis server on 127.0.0.1:6379 without a"
                + " password: start one with redis-server --daemonize yes --port 6379\n" + child.describe());
        assertEquals("0", child.fact("failures"), "requests that did not answer 200\n" + child.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyBlockingEndpointIsReportedAtItsOwnSiteWithItsCategory(Jdk jdk) throws Exception {
        ChildJvm.Result child = RUN.get(jdk);
        assertEquals("true", child.fact("redis"), "/redis needs a Redis server on 127.0.0.1:6379: start one with"
                + " redis-server --daemonize yes --port 6379");
        Report report = child.report();
        Class<?> endpoints = Class.forName(ENDPOINTS_CLASS);
        for (Map.Entry<String, Expected> entry : EXPECTED.entrySet()) {
            String endpoint = entry.getKey();
            Expected expected = entry.getValue();
            List<ReportRecord> atSite = report.finalCallsAt(endpoints, expected.method()).stream()
                    .filter(call -> !isClassLoadingRead(call, jdk))
                    .toList();
            assertEquals(Set.of(expected.category()), categories(atSite),
                    "categories reported at " + endpoint + "'s site " + expected.method() + "\n" + report);
            long plainCalls = atSite.stream().filter(call -> call.string("operation").equals(expected.operation()))
                    .count();
            assertEquals(DemoServerDriver.PLAIN_REQUESTS, plainCalls, expected.operation() + " calls reported at "
                    + endpoint + "'s site " + expected.method() + " (one per plain request)\n" + report);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void everyReportIsAnEndpointsBlockingCallOnTheOneEventLoop(Jdk jdk) throws Exception {
        ChildJvm.Result child = RUN.get(jdk);
        Report report = child.report();
        Class<?> endpoints = Class.forName(ENDPOINTS_CLASS);
        List<ReportRecord> calls = report.blockingCalls().stream().filter(call -> !isClassLoadingRead(call, jdk)).toList();
        assertTrue(!calls.isEmpty(), "the report holds no blocking call at all\n" + child.describe());
        Set<String> threads = calls.stream().map(call -> call.string("thread")).collect(Collectors.toSet());
        assertEquals(1, threads.size(), "threads of the reported calls (the demo has one event loop; offloaded"
                + " work runs on " + DemoServer.WORKER_THREAD_PREFIX + "N threads, which must stay silent)\n" + report);
        assertTrue(threads.iterator().next().startsWith(DemoServer.EVENT_LOOP_THREAD_PREFIX),
                "the reported calls' thread " + threads + " is the demo's event loop\n" + report);
        for (ReportRecord call : calls) {
            boolean atBlockingEndpoint = EXPECTED.values().stream()
                    .anyMatch(expected -> call.siteIs(endpoints, expected.method()));
            assertTrue(atBlockingEndpoint, "a call reported outside the blocking endpoints' methods: " + call);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void fastAndOffloadedRequestsAreNotReported(Jdk jdk) throws Exception {
        ChildJvm.Result child = RUN.get(jdk);
        Report report = child.report();
        assertEquals(List.of(), report.blockingCallsAt(Class.forName(ENDPOINTS_CLASS), FAST_METHOD),
                "records at /fast's site");
        List<ReportRecord> onWorkers = report.blockingCalls().stream()
                .filter(call -> call.string("thread").startsWith(DemoServer.WORKER_THREAD_PREFIX))
                .toList();
        assertEquals(List.of(), onWorkers, "records of offloaded requests, on the worker threads");
    }

    /**
     * A read of a jar or of a file of the JDK, as class loading (or the JDK's lazy initialisation)
     * does on whichever thread first needs a class; see the class comment.
     */
    private static boolean isClassLoadingRead(ReportRecord call, Jdk jdk) {
        if (!call.string("category").equals("file")) {
            return false;
        }
        String detail = call.nullableString("detail");
        return detail != null && (detail.endsWith(".jar") || detail.startsWith(jdk.home().toString()));
    }

    private static Set<String> categories(List<ReportRecord> calls) {
        return calls.stream().map(call -> call.string("category")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The demo server's classes as the test class path has them: its jar, or its target/classes directory. */
    private static Path demoServerClasses() {
        try {
            return Path.of(DemoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
