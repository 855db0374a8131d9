package dev.blockwatch.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/** The PostgreSQL and Redis servers that {@link DatabaseCallBenchmark} calls, on this machine. */
final class LocalServers {
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String REDIS_HOST = "127.0.0.1";
    static final int REDIS_PORT = 6379;

    private LocalServers() {
    }

    /**
     * Asked before any JVM is forked: a server that does not answer would otherwise fail the first database
     * benchmark minutes into the run, deep in a JMH log.
     *
     * @return one line naming the first server that does not answer and how to start it
     */
    static Optional<String> problem() {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL)) {
            connection.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            return Optional.of("PostgreSQL at " + POSTGRES_URL + ": " + e.getMessage() + " (to start it: "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)");
        }
        try (Jedis jedis = new Jedis(REDIS_HOST, REDIS_PORT)) {
            jedis.ping();
        } catch (JedisException e) {
            return Optional.of("Redis at " + REDIS_HOST + ":" + REDIS_PORT + ": " + e.getMessage() + " (to start it: "
                    + "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no "
                    + "--dir /var/lib/redis --logfile /var/log/redis/ci.log)");
        }
        return Optional.empty();
    }
}
