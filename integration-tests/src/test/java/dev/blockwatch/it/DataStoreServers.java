package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.blockwatch.it.apps.DataStoreScenarios;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The real servers the JDBC and Redis scenarios talk to on 127.0.0.1, and the client libraries a
 * child JVM needs for them. A test that needs a server that does not answer fails, naming the server
 * and how to start it; it never skips.
 */
final class DataStoreServers {
    /** Jar-name prefixes of the drivers, pool and Redis clients and what they need at run time. */
    static final String[] CLIENT_LIBRARIES = {
        "netty-", "slf4j-api-", "slf4j-simple-",
        "postgresql-", "checker-qual-", "mariadb-java-client-", "h2-", "HikariCP-",
        "jedis-", "commons-pool2-", "json-", "gson-", "redis-authx-core-",
        "lettuce-core-", "reactor-core-", "reactive-streams-",
    };

    private static final String POSTGRESQL_START =
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
    private static final String MARIADB_START = "mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld"
            + " && start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql";
    private static final String REDIS_START = "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379"
            + " --save \"\" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log";

    private static String problems;

    private DataStoreServers() {
    }

    /** Fails, naming each server that does not answer and how to start it, unless all three answer. */
    static synchronized void requireRunning() {
        if (problems == null) {
            List<String> found = new ArrayList<>();
            checkJdbc(found, "PostgreSQL", "127.0.0.1:5432", DataStoreScenarios.POSTGRESQL_URL, POSTGRESQL_START);
            checkJdbc(found, "MariaDB", "127.0.0.1:3306", DataStoreScenarios.MARIADB_URL, MARIADB_START);
            checkRedis(found);
            problems = String.join("\n", found);
        }
        if (!problems.isEmpty()) {
            fail(problems);
        }
    }

    private static void checkJdbc(List<String> problems, String server, String address, String url, String start) {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(url)) {
            if (!connection.isValid(5)) {
                problems.add(server + " at " + address + " accepts connections but does not answer a query;"
                        + " these tests need it: restart it (" + start + ")");
            }
        } catch (Exception e) {
            problems.add(server + " does not answer at " + address + " (" + e.getMessage() + "); these tests need"
                    + " it: start it with " + start);
        }
    }

    private static void checkRedis(List<String> problems) {
        String address = DataStoreScenarios.REDIS_HOST + ":" + DataStoreScenarios.REDIS_PORT;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(DataStoreScenarios.REDIS_HOST, DataStoreScenarios.REDIS_PORT), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (!"+PONG".equals(answer)) {
                problems.add("Redis at " + address + " answered PING with " + answer + "; these tests need a Redis"
                        + " without a password: start one with " + REDIS_START);
            }
        } catch (Exception e) {
            problems.add("Redis does not answer at " + address + " (" + e + "); these tests need it: start it with "
                    + REDIS_START);
        }
    }
}
