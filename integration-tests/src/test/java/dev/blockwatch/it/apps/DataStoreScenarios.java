package dev.blockwatch.it.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import redis.clients.jedis.Jedis;

/**
 * JDBC and Redis calls against the real servers on 127.0.0.1 (PostgreSQL, MariaDB, Redis) and an
 * in-process H2 database, each made from its own scenario method, which is the site a report must
 * name. Every scenario runs three times: once on the main thread (not watched: the classes it needs
 * load there), then on a Netty 4.2 NIO event loop, then on a hand-written selector loop; the two loop
 * runs print their facts as {@code <scenario>@netty.*} and {@code <scenario>@selector.*}. Connections,
 * prepared statements, the pool and the Redis clients are made on the main thread beforehand, so that
 * only the scenario's own call runs on a loop. The slow calls take about 150 ms.
 *
 * <p>The one argument names the set of scenarios: {@code default} (everything, for threshold=50ms),
 * {@code full} (the statements with literals and bound values, and a Jedis BLPOP, for detail=full),
 * {@code zero} (Redis SETs of a secret value, for threshold=0). The application never prints a
 * secret itself: any occurrence in the child's output or report comes from the agent.
 */
public final class DataStoreScenarios {
    public static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    public static final String H2_URL = "jdbc:h2:mem:blockwatch-it;DB_CLOSE_DELAY=-1";
    public static final String REDIS_HOST = "127.0.0.1";
    public static final int REDIS_PORT = 6379;

    public static final String PG_SLEEP_SQL = "SELECT pg_sleep(0.15)";
    public static final String SECRET_LITERAL = "secret-literal";
    public static final String LITERALS_SQL = "SELECT '" + SECRET_LITERAL + "', 42, pg_sleep(0.15)";
    public static final String BOUND_SQL = "SELECT pg_sleep(?), length(?)";
    public static final String BOUND_SECRET = "b0und-secret";
    public static final String MARIADB_SLEEP_SQL = "SELECT SLEEP(0.15)";
    public static final String H2_FUNCTION = "SLOW_SLEEP";
    public static final String H2_SLOW_SQL = "SELECT " + H2_FUNCTION + "()";
    public static final double REDIS_TIMEOUT_SECONDS = 0.15;
    public static final String REDIS_SECRET = "s3cret-value";
    public static final Duration POOL_HOLD = Duration.ofMillis(150);
    public static final String POOL_HOLDER_THREAD = "pool-holder";

    private final EventLoopGroup netty;
    private final SelectorLoop selector;
    private final String keyPrefix;

    private DataStoreScenarios(EventLoopGroup netty, SelectorLoop selector, String keyPrefix) {
        this.netty = netty;
        this.selector = selector;
        this.keyPrefix = keyPrefix;
    }

    public static void main(String[] args) throws Exception {
        String set = args.length > 0 ? args[0] : "default";
        String keyPrefix = keyPrefix(ProcessHandle.current().pid());
        EventLoopGroup netty = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (SelectorLoop selector = new SelectorLoop("selector-loop")) {
            DataStoreScenarios app = new DataStoreScenarios(netty, selector, keyPrefix);
            switch (set) {
                case "default" -> app.runDefault();
                case "full" -> app.runFull();
                case "zero" -> app.runZero();
                default -> throw new IllegalArgumentException("unknown scenario set " + set
                        + "; expected default, full or zero");
            }
        } finally {
            netty.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        System.out.println("done=true");
    }

    /**
     * The prefix of the Redis keys of the child JVM with this pid: unique per run, so that runs on
     * several JDKs at once never share a key; the test computes the keys from the pid, so the
     * application never prints one.
     */
    public static String keyPrefix(long pid) {
        return "blockwatch-it:" + pid + ":";
    }

    /** The list key that BLPOP waits on, always empty. */
    public static String emptyKey(long pid) {
        return keyPrefix(pid) + "empty";
    }

    private String key(String name) {
        return keyPrefix + name;
    }

    // ---------------------------------------------------------------- scenario sets

    private void runDefault() throws Exception {
        try (Connection pg = postgresql();
             Connection maria = open("MariaDB", "127.0.0.1:3306", () -> DriverManager.getConnection(MARIADB_URL));
             Connection h2 = DriverManager.getConnection(H2_URL);
             HikariDataSource pool = pool();
             Jedis jedis = jedis();
             Lettuce lettuce = lettuce()) {
            try (Statement ddl = h2.createStatement()) {
                ddl.execute("CREATE ALIAS " + H2_FUNCTION + " FOR '" + H2SlowFunction.class.getName() + ".slowSleep'");
            }
            String empty = key("empty");
            String asyncSet = key("async-set");
            jedis.del(empty, asyncSet);
            try (PreparedStatement prepared = pg.prepareStatement(PG_SLEEP_SQL);
                 PreparedStatement bound = pg.prepareStatement(BOUND_SQL)) {
                run("pgStatement", () -> pgStatement(pg));
                run("pgPrepared", () -> pgPrepared(prepared));
                run("pgPreparedBound", () -> pgPreparedBound(bound));
                run("pgLiterals", () -> pgLiterals(pg));
            }
            run("mariadbSleep", () -> mariadbSleep(maria));
            run("h2SlowFunction", () -> h2SlowFunction(h2));
            runHikari(pool);
            run("jedisBlpop", () -> jedisBlpop(jedis, empty));
            run("lettuceSyncBlpop", () -> lettuceSyncBlpop(lettuce.sync(), empty));
            run("lettuceFutureGet", () -> lettuceFutureGet(lettuce.async(), empty));
            runLettuceAsync(lettuce.async(), asyncSet, empty);
            jedis.del(empty, asyncSet);
        }
    }

    private void runFull() throws Exception {
        try (Connection pg = postgresql();
             Jedis jedis = jedis()) {
            String empty = key("empty");
            jedis.del(empty);
            try (PreparedStatement prepared = pg.prepareStatement(PG_SLEEP_SQL);
                 PreparedStatement bound = pg.prepareStatement(BOUND_SQL)) {
                run("pgLiterals", () -> pgLiterals(pg));
                run("pgPrepared", () -> pgPrepared(prepared));
                run("pgPreparedBound", () -> pgPreparedBound(bound));
            }
            run("jedisBlpop", () -> jedisBlpop(jedis, empty));
            jedis.del(empty);
        }
    }

    private void runZero() throws Exception {
        try (Jedis jedis = jedis();
             Lettuce lettuce = lettuce()) {
            String jedisKey = key("jedis-set");
            String lettuceKey = key("lettuce-set");
            run("jedisSet", () -> jedisSet(jedis, jedisKey));
            run("lettuceSyncSet", () -> lettuceSyncSet(lettuce.sync(), lettuceKey));
            jedis.del(jedisKey, lettuceKey);
        }
    }

    // ---------------------------------------------------------------- the scenarios: each call's site

    static String pgStatement(Connection pg) throws SQLException {
        try (Statement statement = pg.createStatement();
             ResultSet rows = statement.executeQuery(PG_SLEEP_SQL)) {
            return rows.next() ? "1 row" : "no row";
        }
    }

    static String pgPrepared(PreparedStatement prepared) throws SQLException {
        try (ResultSet rows = prepared.executeQuery()) {
            return rows.next() ? "1 row" : "no row";
        }
    }

    /** Returns the length of the bound secret, never the secret. */
    static int pgPreparedBound(PreparedStatement bound) throws SQLException {
        bound.setDouble(1, 0.15);
        bound.setString(2, BOUND_SECRET);
        boolean hasRows = bound.execute();
        if (!hasRows) {
            return -1;
        }
        try (ResultSet rows = bound.getResultSet()) {
            return rows.next() ? rows.getInt(2) : -1;
        }
    }

    /** Returns the numeric literal's column, never the string literal. */
    static int pgLiterals(Connection pg) throws SQLException {
        try (Statement statement = pg.createStatement();
             ResultSet rows = statement.executeQuery(LITERALS_SQL)) {
            return rows.next() ? rows.getInt(2) : -1;
        }
    }

    static int mariadbSleep(Connection maria) throws SQLException {
        try (Statement statement = maria.createStatement();
             ResultSet rows = statement.executeQuery(MARIADB_SLEEP_SQL)) {
            return rows.next() ? rows.getInt(1) : -1;
        }
    }

    static int h2SlowFunction(Connection h2) throws SQLException {
        try (Statement statement = h2.createStatement();
             ResultSet rows = statement.executeQuery(H2_SLOW_SQL)) {
            return rows.next() ? rows.getInt(1) : -1;
        }
    }

    /** The pool's one connection is held by another thread, which gives it back {@link #POOL_HOLD} after this asks. */
    static String hikariGetConnection(DataSource pool, PoolHolder holder) throws SQLException {
        holder.releaseAfter(POOL_HOLD);
        try (Connection connection = pool.getConnection()) {
            return connection.isClosed() ? "closed" : "connected";
        }
    }

    static String jedisBlpop(Jedis jedis, String emptyKey) {
        return jedis.blpop(REDIS_TIMEOUT_SECONDS, emptyKey) == null ? "timed out" : "popped";
    }

    static String jedisSet(Jedis jedis, String key) {
        return jedis.set(key, REDIS_SECRET);
    }

    static String lettuceSyncBlpop(RedisCommands<String, String> sync, String emptyKey) {
        return sync.blpop(REDIS_TIMEOUT_SECONDS, emptyKey) == null ? "timed out" : "popped";
    }

    static String lettuceSyncSet(RedisCommands<String, String> sync, String key) {
        return sync.set(key, REDIS_SECRET);
    }

    static String lettuceFutureGet(RedisAsyncCommands<String, String> async, String emptyKey) throws Exception {
        RedisFuture<KeyValue<String, String>> popped = async.blpop(REDIS_TIMEOUT_SECONDS, emptyKey);
        return popped.get() == null ? "timed out" : "popped";
    }

    /** Issues two commands without waiting for them: the futures go back to the main thread, which waits. */
    static String lettuceAsyncCommands(RedisAsyncCommands<String, String> async, String setKey, String emptyKey,
                                       List<RedisFuture<?>> issued) {
        issued.add(async.set(setKey, "async-value"));
        issued.add(async.blpop(REDIS_TIMEOUT_SECONDS, emptyKey));
        return "issued";
    }

    // ---------------------------------------------------------------- where scenarios run

    @FunctionalInterface
    private interface Task {
        Object call() throws Exception;
    }

    @FunctionalInterface
    private interface Place {
        Outcome run(Task task) throws Exception;
    }

    private record NamedPlace(String name, Place place) {
    }

    /** The loops, each with the suffix of its facts; the main thread's warm-up run prints nothing. */
    private List<NamedPlace> loops() {
        return List.of(new NamedPlace("netty", this::onNetty), new NamedPlace("selector", this::onSelector));
    }

    private void run(String scenario, Task task) throws Exception {
        task.call(); // on the main thread, not watched: loads the classes the call needs
        for (NamedPlace loop : loops()) {
            loop.place().run(task).print(scenario + "@" + loop.name());
        }
    }

    private Outcome onNetty(Task task) throws Exception {
        try {
            return netty.next().submit(() -> Outcome.here(task.call())).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Outcome onSelector(Task task) throws Exception {
        return selector.call(() -> Outcome.here(task.call()));
    }

    private void runHikari(HikariDataSource pool) throws Exception {
        List<NamedPlace> places = new ArrayList<>();
        places.add(new NamedPlace("main", task -> Outcome.here(task.call())));
        places.addAll(loops());
        for (NamedPlace place : places) {
            try (PoolHolder holder = PoolHolder.hold(pool)) {
                Outcome outcome = place.place().run(() -> hikariGetConnection(pool, holder));
                if (!place.name().equals("main")) {
                    outcome.print("hikariGetConnection@" + place.name());
                }
            }
        }
    }

    private void runLettuceAsync(RedisAsyncCommands<String, String> async, String setKey, String emptyKey)
            throws Exception {
        List<NamedPlace> places = new ArrayList<>();
        places.add(new NamedPlace("main", task -> Outcome.here(task.call())));
        places.addAll(loops());
        for (NamedPlace place : places) {
            List<RedisFuture<?>> issued = new CopyOnWriteArrayList<>();
            Outcome outcome = place.place().run(() -> lettuceAsyncCommands(async, setKey, emptyKey, issued));
            List<String> results = new ArrayList<>();
            for (RedisFuture<?> future : issued) { // waited for here, on the main thread
                results.add(String.valueOf(future.get(10, TimeUnit.SECONDS)));
            }
            if (!place.name().equals("main")) {
                outcome.print("lettuceAsyncCommands@" + place.name());
                System.out.println("lettuceAsyncCommands@" + place.name() + ".results=" + String.join(",", results));
            }
        }
    }

    // ---------------------------------------------------------------- connections, made on the main thread

    @FunctionalInterface
    private interface Opener<T> {
        T open() throws Exception;
    }

    /** Opens a connection to a server, or fails naming the server: a test never passes without it. */
    private static <T> T open(String server, String address, Opener<T> opener) {
        try {
            return opener.open();
        } catch (Exception e) {
            throw new IllegalStateException(server + " at " + address + " does not answer (" + e
                    + "); start " + server + " and run the tests again", e);
        }
    }

    private static Connection postgresql() {
        return open("PostgreSQL", "127.0.0.1:5432", () -> DriverManager.getConnection(POSTGRESQL_URL));
    }

    private static HikariDataSource pool() {
        return open("PostgreSQL (through HikariCP)", "127.0.0.1:5432", () -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(POSTGRESQL_URL);
            config.setPoolName("blockwatch-it-pool");
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(10_000);
            return new HikariDataSource(config);
        });
    }

    private static Jedis jedis() {
        return open("Redis (Jedis)", REDIS_HOST + ":" + REDIS_PORT, () -> {
            Jedis jedis = new Jedis(REDIS_HOST, REDIS_PORT);
            jedis.ping();
            return jedis;
        });
    }

    private static Lettuce lettuce() {
        return open("Redis (Lettuce)", REDIS_HOST + ":" + REDIS_PORT, () -> {
            RedisClient client = RedisClient.create(RedisURI.create(REDIS_HOST, REDIS_PORT));
            try {
                StatefulRedisConnection<String, String> connection = client.connect();
                connection.sync().ping();
                return new Lettuce(client, connection);
            } catch (RuntimeException e) {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                throw e;
            }
        });
    }

    private record Lettuce(RedisClient client, StatefulRedisConnection<String, String> connection)
            implements AutoCloseable {
        RedisCommands<String, String> sync() {
            return connection.sync();
        }

        RedisAsyncCommands<String, String> async() {
            return connection.async();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /**
     * Takes the pool's one connection on its own plain thread (not watched) and keeps it until told
     * to give it back after a delay, so that a getConnection made meanwhile waits that long.
     */
    static final class PoolHolder implements AutoCloseable {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;
        private volatile long holdMillis;
        private volatile Exception failure;

        private PoolHolder(DataSource pool) {
            thread = new Thread(() -> keep(pool), POOL_HOLDER_THREAD);
            thread.setDaemon(true);
        }

        static PoolHolder hold(DataSource pool) throws Exception {
            PoolHolder holder = new PoolHolder(pool);
            holder.thread.start();
            if (!holder.held.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the pool gave no connection to " + POOL_HOLDER_THREAD + " in 10 s");
            }
            if (holder.failure != null) {
                throw holder.failure;
            }
            return holder;
        }

        private void keep(DataSource pool) {
            try (Connection connection = pool.getConnection()) {
                held.countDown();
                release.await();
                Thread.sleep(holdMillis);
            } catch (Exception e) {
                failure = e;
                held.countDown();
            }
        }

        /** Not blocking: the holder sleeps the delay on its own thread, then gives the connection back. */
        void releaseAfter(Duration delay) {
            holdMillis = delay.toMillis();
            release.countDown();
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            thread.join(10_000);
            if (failure != null) {
                throw failure;
            }
        }
    }
}
