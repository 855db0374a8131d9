package dev.blockwatch.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;

/**
 * The database behind {@code /db}: by default an in-memory H2 database that the demo itself serves
 * over TCP on 127.0.0.1, so that every JDBC call crosses a real socket with nothing to install; with
 * {@code DEMO_JDBC_URL} set (such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=...}),
 * that database instead. One connection, opened at start; the slow statement takes about 100 ms.
 */
final class Database implements AutoCloseable {
    static final String URL_VARIABLE = "DEMO_JDBC_URL";

    private final Server h2Server;
    private final Connection connection;
    private final String slowStatement;
    private final String description;

    private Database(Server h2Server, Connection connection, String slowStatement, String description) {
        this.h2Server = h2Server;
        this.connection = connection;
        this.slowStatement = slowStatement;
        this.description = description;
    }

    static Database open() throws SQLException {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            Connection connection = DriverManager.getConnection(url);
            String product = connection.getMetaData().getDatabaseProductName();
            String slow = product.toLowerCase().contains("postgres") ? "SELECT pg_sleep(0.1)" : "SELECT SLEEP(0.1)";
            return new Database(null, connection, slow, product + " at " + url.replaceAll("\\?.*", ""));
        }
        // Serve only loopback (H2 reads this property once, when its classes load).
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        Connection connection = DriverManager.getConnection(
                "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:demo;DB_CLOSE_DELAY=-1", "sa", "");
        try (Statement statement = connection.createStatement()) {
            // A slow query without a big table: the server sleeps 100 ms inside the statement.
            statement.execute("CREATE ALIAS IF NOT EXISTS SLEEP_MS FOR 'java.lang.Thread.sleep(long)'");
        }
        return new Database(server, connection, "CALL SLEEP_MS(100)", "H2 on 127.0.0.1:" + server.getPort());
    }

    Connection connection() {
        return connection;
    }

    /** A statement the database takes about 100 ms to answer. */
    String slowStatement() {
        return slowStatement;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (h2Server != null) {
                h2Server.stop();
            }
        }
    }
}
