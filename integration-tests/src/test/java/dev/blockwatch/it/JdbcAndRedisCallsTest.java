package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.DataStoreScenarios;
import dev.blockwatch.it.apps.H2SlowFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JDBC and Redis calls against the real servers on 127.0.0.1 (PostgreSQL through pgjdbc, MariaDB
 * through mariadb-java-client, Redis through Jedis and Lettuce) and an in-process H2 database, made on
 * a Netty NIO event loop and on a hand-written selector loop, each reported once as {@code jdbc} or
 * {@code redis} with the SQL or the command name, at the application's line, never also as the socket
 * reads and writes (or the waits) inside it; SQL literals, bound values and Redis arguments stay out of
 * every sink unless {@code detail=full} (and bound values even then). One child JVM per JDK runs
 * every scenario of {@link DataStoreScenarios} at threshold 50 ms; a second one runs the statements
 * with literals and a BLPOP with {@code detail=full}; a third one Redis SETs of a secret at threshold 0.
 * A server that does not answer fails the tests, naming it.
 */
class JdbcAndRedisCallsTest {
    private static final Class<?> APP = DataStoreScenarios.class;
    private static final List<String> LOOPS = List.of("netty", "selector");
    /** slf4j-simple's layout of the agent's log line: thread in brackets, level, logger name. */
    private static final String SLF4J_SIMPLE_WARN = "\\[[^\\]]+\\] WARN blockwatch - ";
    /**
     * A child loads four JDBC drivers, a pool, two Redis clients and Netty under the agent: about
     * 15-30 s on JDK 17 on a busy 2-core machine, more than ChildJvm's default limit allows for.
     */
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(180);

    private static final String STATEMENT_QUERY = "java.sql.Statement.executeQuery";
    private static final String PREPARED_QUERY = "java.sql.PreparedStatement.executeQuery";
    private static final String PREPARED_EXECUTE = "java.sql.PreparedStatement.execute";
    private static final String GET_CONNECTION = "javax.sql.DataSource.getConnection";
    private static final String PG_SLEEP_REDACTED = "SELECT pg_sleep(?)";
    private static final String LITERALS_REDACTED = "SELECT ?, ?, pg_sleep(?)";

    /** The scenarios of the default child that must be reported, one record per loop each. */
    private static final Set<String> REPORTED_SCENARIOS = Set.of("pgStatement", "pgPrepared", "pgPreparedBound",
            "pgLiterals", "mariadbSleep", "h2SlowFunction", "hikariGetConnection", "jedisBlpop", "lettuceSyncBlpop",
            "lettuceFutureGet");
    private static final Set<String> REPORTED_WITH_DETAIL_FULL = Set.of("pgLiterals", "pgPrepared",
            "pgPreparedBound", "jedisBlpop");

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> DEFAULT = runWith("default", "threshold=50ms");
    private static final OncePerJdk<ChildJvm.Result> DETAIL_FULL = runWith("full", "threshold=50ms,detail=full");
    private static final OncePerJdk<ChildJvm.Result> THRESHOLD_ZERO = runWith("zero", "threshold=0ms");

    private static OncePerJdk<ChildJvm.Result> runWith(String scenarios, String options) {
        return new OncePerJdk<>("data-store (" + scenarios + ", " + options + ")", jdk -> {
            DataStoreServers.requireRunning();
            ChildJvm child = ChildJvm.on(jdk, workDir).libraries(DataStoreServers.CLIENT_LIBRARIES)
                    .timeout(CHILD_TIMEOUT);
            ChildJvm.Result result = child.agent(options + ",json=" + child.reportFile())
                    .run(APP, scenarios)
                    .assertExitedNormally();
            assertEquals("true", result.fact("done"), "the application ran to its end\n" + result.describe());
            return result;
        });
    }

    // ---------------------------------------------------------------- PostgreSQL

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void postgresqlStatementIsOneJdbcRecordWithItsSql(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "pgStatement", "1 row", DataStoreCall.slow("jdbc", STATEMENT_QUERY, PG_SLEEP_REDACTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void postgresqlPreparedStatementIsOneJdbcRecordWithTheSqlItWasPreparedWith(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "pgPrepared", "1 row", DataStoreCall.slow("jdbc", PREPARED_QUERY, PG_SLEEP_REDACTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void postgresqlPreparedStatementShowsItsPlaceholdersNeverTheBoundValues(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "pgPreparedBound", String.valueOf(DataStoreScenarios.BOUND_SECRET.length()),
                DataStoreCall.slow("jdbc", PREPARED_EXECUTE, DataStoreScenarios.BOUND_SQL));
        assertNowhere(child, DataStoreScenarios.BOUND_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void postgresqlLiteralsAreRedactedAndTheSecretIsInNoSink(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "pgLiterals", "42", DataStoreCall.slow("jdbc", STATEMENT_QUERY, LITERALS_REDACTED));
        for (String loop : LOOPS) {
            assertLogged(child, "pgLiterals", loop, "jdbc " + STATEMENT_QUERY + " " + LITERALS_REDACTED);
        }
        assertNowhere(child, DataStoreScenarios.SECRET_LITERAL);
    }

    // ---------------------------------------------------------------- MariaDB, H2, HikariCP

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void mariadbSleepIsOneJdbcRecord(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "mariadbSleep", "0", DataStoreCall.slow("jdbc", STATEMENT_QUERY, "SELECT SLEEP(?)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void h2StatementThatSleepsInAJavaFunctionIsOneJdbcRecordNotASleep(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "h2SlowFunction", String.valueOf(H2SlowFunction.SLEEP_MILLIS),
                DataStoreCall.slow("jdbc", STATEMENT_QUERY, DataStoreScenarios.H2_SLOW_SQL));
        Report report = child.report();
        List<ReportRecord> sleeps = report.blockingCalls().stream()
                .filter(r -> r.string("category").equals("sleep") || r.siteIs(H2SlowFunction.class, "slowSleep"))
                .toList();
        assertEquals(List.of(), sleeps, "sleep records, or records at the H2 function's line, of the sleep nested in"
                + " the JDBC call");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void waitingForThePoolsOnlyConnectionIsDataSourceGetConnection(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "hikariGetConnection", "connected", DataStoreCall.slow("jdbc", GET_CONNECTION, null));
        List<ReportRecord> holder = child.report().blockingCalls().stream()
                .filter(r -> r.string("thread").equals(DataStoreScenarios.POOL_HOLDER_THREAD))
                .toList();
        assertEquals(List.of(), holder, "records of the (unwatched) thread that held the connection");
    }

    // ---------------------------------------------------------------- Redis

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void jedisBlpopIsOneRedisRecordWithTheCommandName(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "jedisBlpop", "timed out",
                DataStoreCall.slow("redis", "redis.clients.jedis.Jedis.blpop", "BLPOP"));
        assertNowhere(child, DataStoreScenarios.emptyKey(child.pid()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void lettuceSyncBlpopIsOneRedisRecord(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "lettuceSyncBlpop", "timed out",
                DataStoreCall.slow("redis", "io.lettuce.core.api.sync.RedisCommands.blpop", "BLPOP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void lettuceFutureGetOnTheLoopIsOneRedisRecord(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        assertOnBothLoops(child, "lettuceFutureGet", "timed out",
                DataStoreCall.slow("redis", "io.lettuce.core.RedisFuture.get", "BLPOP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void lettuceAsyncCommandsIssuedOnTheLoopAreNotReported(Jdk jdk) {
        ChildJvm.Result child = DEFAULT.get(jdk);
        for (String loop : LOOPS) {
            String place = "lettuceAsyncCommands@" + loop;
            assertEquals("issued", child.fact(place + ".value"), "result of " + place);
            assertEquals("OK,null", child.fact(place + ".results"), "the SET's and the BLPOP's results of " + place);
            assertLoopThread(child, place);
        }
        assertEquals(List.of(), child.report().blockingCallsAt(APP, "lettuceAsyncCommands"),
                "records of the asynchronous commands issued on the loops");
    }

    // ---------------------------------------------------------------- one record per call

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void theLoopsHaveOnlyTheJdbcAndRedisRecordsNoSocketOrWaitRecords(Jdk jdk) {
        assertOnlyDataStoreRecordsOnTheLoops(DEFAULT.get(jdk), REPORTED_SCENARIOS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void withDetailFullTheLoopsHaveOnlyTheJdbcAndRedisRecords(Jdk jdk) {
        assertOnlyDataStoreRecordsOnTheLoops(DETAIL_FULL.get(jdk), REPORTED_WITH_DETAIL_FULL);
    }

    // ---------------------------------------------------------------- detail=full

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void detailFullShowsTheSqlAsWritten(Jdk jdk) {
        ChildJvm.Result child = DETAIL_FULL.get(jdk);
        assertOnBothLoops(child, "pgLiterals", "42",
                DataStoreCall.slow("jdbc", STATEMENT_QUERY, DataStoreScenarios.LITERALS_SQL));
        assertOnBothLoops(child, "pgPrepared", "1 row",
                DataStoreCall.slow("jdbc", PREPARED_QUERY, DataStoreScenarios.PG_SLEEP_SQL));
        for (String loop : LOOPS) {
            assertLogged(child, "pgLiterals", loop, "jdbc " + STATEMENT_QUERY + " " + DataStoreScenarios.LITERALS_SQL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void detailFullStillNeverShowsBoundValues(Jdk jdk) {
        ChildJvm.Result child = DETAIL_FULL.get(jdk);
        assertOnBothLoops(child, "pgPreparedBound", String.valueOf(DataStoreScenarios.BOUND_SECRET.length()),
                DataStoreCall.slow("jdbc", PREPARED_EXECUTE, DataStoreScenarios.BOUND_SQL));
        assertNowhere(child, DataStoreScenarios.BOUND_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void detailFullShowsTheRedisCommandWithItsArguments(Jdk jdk) {
        ChildJvm.Result child = DETAIL_FULL.get(jdk);
        // BLPOP key timeout, as Jedis sends it: the timeout is written as Double.toString writes it.
        assertOnBothLoops(child, "jedisBlpop", "timed out", DataStoreCall.slow("redis",
                "redis.clients.jedis.Jedis.blpop", "BLPOP " + DataStoreScenarios.emptyKey(child.pid()) + " "
                        + DataStoreScenarios.REDIS_TIMEOUT_SECONDS));
    }

    // ---------------------------------------------------------------- threshold=0

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void jedisSetAtThresholdZeroIsReportedWithoutItsValue(Jdk jdk) {
        ChildJvm.Result child = THRESHOLD_ZERO.get(jdk);
        assertOnBothLoops(child, "jedisSet", "OK",
                DataStoreCall.atThresholdZero("redis", "redis.clients.jedis.Jedis.set", "SET"));
        for (String loop : LOOPS) {
            assertLogged(child, "jedisSet", loop, "redis redis.clients.jedis.Jedis.set SET");
        }
        assertNowhere(child, DataStoreScenarios.REDIS_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void lettuceSyncSetAtThresholdZeroIsReportedWithoutItsValue(Jdk jdk) {
        ChildJvm.Result child = THRESHOLD_ZERO.get(jdk);
        assertOnBothLoops(child, "lettuceSyncSet", "OK",
                DataStoreCall.atThresholdZero("redis", "io.lettuce.core.api.sync.RedisCommands.set", "SET"));
        assertNowhere(child, DataStoreScenarios.REDIS_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void atThresholdZeroTheRedisCallsBringNoSocketOrWaitRecords(Jdk jdk) {
        ChildJvm.Result child = THRESHOLD_ZERO.get(jdk);
        Report report = child.report();
        List<Executable> checks = new ArrayList<>();
        for (String loop : LOOPS) {
            String thread = assertLoopThread(child, "jedisSet@" + loop);
            // at the Redis calls' own lines: the loop's own work (Netty briefly contending for a task
            // queue's lock, say) is reported at threshold 0 too, and is no part of them
            checks.add(() -> assertEquals(List.of(), report.blockingCalls().stream()
                            .filter(r -> r.string("thread").equals(thread))
                            .filter(r -> r.siteIs(APP, "jedisSet") || r.siteIs(APP, "lettuceSyncSet"))
                            .filter(r -> Set.of("socket", "wait").contains(r.string("category")))
                            .toList(),
                    "socket and wait records at the Redis calls on " + thread + " at threshold 0"));
        }
        assertAll(checks);
    }

    // ---------------------------------------------------------------- helpers

    /** The scenario ran on each loop with the expected result and was reported there once, as expected. */
    private static void assertOnBothLoops(ChildJvm.Result child, String scenario, String value, DataStoreCall expected) {
        List<Executable> checks = new ArrayList<>();
        for (String loop : LOOPS) {
            String place = scenario + "@" + loop;
            checks.add(() -> {
                assertEquals(value, child.fact(place + ".value"), "result of " + place);
                assertLoopThread(child, place);
                expected.assertReportedOnce(child, APP, scenario, loop);
            });
        }
        assertAll(scenario, checks);
    }

    /** The scenario ran on its loop's thread: Netty's event loop or the selector loop; returns the thread's name. */
    private static String assertLoopThread(ChildJvm.Result child, String place) {
        String thread = child.fact(place + ".thread");
        if (place.endsWith("@selector")) {
            assertEquals("selector-loop", thread, "thread of " + place);
        } else {
            assertTrue(thread.startsWith("multiThreadIoEventLoopGroup-"), "thread of " + place + ": " + thread);
        }
        return thread;
    }

    /**
     * Every record on the two loop threads is a {@code jdbc} or {@code redis} record at one of the
     * scenarios that must be reported, so the calls' socket reads and writes, waits and sleeps were
     * not reported on their own, nor anything at a driver's or client's frame.
     */
    private static void assertOnlyDataStoreRecordsOnTheLoops(ChildJvm.Result child, Set<String> reported) {
        Report report = child.report();
        Set<String> threads = LOOPS.stream()
                .map(loop -> assertLoopThread(child, reported.iterator().next() + "@" + loop))
                .collect(Collectors.toSet());
        List<ReportRecord> others = report.blockingCalls().stream()
                .filter(r -> threads.contains(r.string("thread")))
                .filter(r -> !Set.of("jdbc", "redis").contains(r.string("category"))
                        || reported.stream().noneMatch(scenario -> r.siteIs(APP, scenario)))
                .toList();
        assertEquals(List.of(), others, "records on the loop threads " + threads + " other than the jdbc and redis"
                + " records of the scenarios " + reported);
        assertEquals(reported.size() * LOOPS.size(), report.finalCalls().stream()
                        .filter(r -> threads.contains(r.string("thread")))
                        .count(),
                "final records on the loop threads " + threads + ", one per scenario and loop:\n" + report);
    }

    /** Exactly one log line (through slf4j-simple, on stderr) reports the scenario's call on the loop with this text. */
    private static void assertLogged(ChildJvm.Result child, String scenario, String loop, String text) {
        String thread = child.fact(scenario + "@" + loop + ".thread");
        Pattern line = Pattern.compile(SLF4J_SIMPLE_WARN + "blockwatch: \\d+(?:\\.\\d+)? ms "
                + Pattern.quote(text + " on " + thread + " at ") + Frame.pattern(APP, scenario));
        long lines = child.stderrLines().stream().filter(l -> line.matcher(l).matches()).count();
        assertEquals(1, lines, "log lines matching " + line + "\n" + child.describe());
    }

    /** The text is in no sink: not in the JSON report, not in the child's stdout or stderr (its log), not in any file it left. */
    private static void assertNowhere(ChildJvm.Result child, String secret) {
        assertFalse(child.stdout().contains(secret), "'" + secret + "' in the child's stdout\n" + child.describe());
        assertFalse(child.stderr().contains(secret), "'" + secret + "' in the child's stderr\n" + child.describe());
        try (Stream<Path> files = Files.walk(child.directory())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                List<String> lines = content.lines().filter(l -> l.contains(secret)).toList();
                assertEquals(List.of(), lines, "lines holding '" + secret + "' in " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
