package dev.blockwatch.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;

/**
 * One round trip to a local database server per operation, the same code with and without the agent:
 * {@link BenchmarkTable} runs it in each agent configuration. The states are per thread so that the connections
 * are opened on the JMH worker thread, the thread whose watched-or-not status a configuration sets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DatabaseCallBenchmark {

    /** {@code SELECT 1} through a statement prepared once: executeQuery, then the row is read. */
    @Benchmark
    public int preparedSelectOne(Postgres postgres) throws SQLException {
        try (ResultSet row = postgres.selectOne.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** {@code SELECT 1} through a plain {@code Statement}, the SQL text sent each time. */
    @Benchmark
    public int statementSelectOne(Postgres postgres) throws SQLException {
        try (ResultSet row = postgres.statement.executeQuery("SELECT 1")) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * {@code SELECT 1} through a prepared statement of an in-memory H2 database: the same JDBC
     * instrumentation as {@link #preparedSelectOne} (a timed execute, the driver's work nested in it)
     * in a call of about a microsecond, where what the agent adds is not lost in network noise.
     */
    @Benchmark
    public int h2PreparedSelectOne(H2 h2) throws SQLException {
        try (ResultSet row = h2.selectOne.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** A Jedis {@code GET} of a key that holds a short string. */
    @Benchmark
    public String redisGet(Redis redis) {
        return redis.jedis.get(Redis.KEY);
    }

    /** One pgjdbc connection; past pgjdbc's prepareThreshold the prepared statement runs server-side prepared. */
    @State(Scope.Thread)
    public static class Postgres {
        Connection connection;
        PreparedStatement selectOne;
        Statement statement;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            connection = DriverManager.getConnection(LocalServers.POSTGRES_URL);
            selectOne = connection.prepareStatement("SELECT 1");
            statement = connection.createStatement();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** An in-memory H2 database in this JVM. */
    @State(Scope.Thread)
    public static class H2 {
        Connection connection;
        PreparedStatement selectOne;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            connection = DriverManager.getConnection("jdbc:h2:mem:benchmark");
            selectOne = connection.prepareStatement("SELECT 1");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** One Jedis connection, and the key it reads. */
    @State(Scope.Thread)
    public static class Redis {
        static final String KEY = "blockwatch-benchmark:small";
        Jedis jedis;

        @Setup(Level.Trial)
        public void open() {
            jedis = new Jedis(LocalServers.REDIS_HOST, LocalServers.REDIS_PORT);
            jedis.set(KEY, "0123456789");
        }

        @TearDown(Level.Trial)
        public void close() {
            jedis.del(KEY);
            jedis.close();
        }
    }
}
