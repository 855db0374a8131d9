package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.blockwatch.bootstrap.PreparedStatementSql;
import dev.blockwatch.config.Category;
import dev.blockwatch.config.DetailMode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;

/** The detail text of files and sockets, which never needs a DNS lookup, of SQL and of Redis commands. */
class CallDetailTest {
    private static String describe(Object subject) {
        return CallDetail.describe(Category.SOCKET, subject, DetailMode.REDACTED);
    }

    private static ServerSocket loopbackServer() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void aPathIsItself() {
        assertEquals("/var/data/big.bin", describe("/var/data/big.bin"));
        assertEquals("/var/data/big.bin", describe(Path.of("/var/data/big.bin")));
        assertEquals("/var/data/big.bin", describe(new File("/var/data/big.bin")));
    }

    @Test
    void anAddressMadeFromANameKeepsTheName() {
        assertEquals("db.example.com:5432", describe(InetSocketAddress.createUnresolved("db.example.com", 5432)));
        assertEquals("localhost:8080", describe(new InetSocketAddress("localhost", 8080)));
    }

    @Test
    void anAddressMadeFromALiteralIsTheLiteralWithoutASlash() throws IOException {
        assertEquals("127.0.0.1:80", describe(new InetSocketAddress("127.0.0.1", 80)));
        assertEquals("10.0.0.7:5432",
                describe(new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 7}), 5432)));
    }

    @Test
    void anIpv6AddressIsInBrackets() throws IOException {
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        assertEquals("[0:0:0:0:0:0:0:1]:6379", describe(new InetSocketAddress("::1", 6379)));
        assertEquals("[0:0:0:0:0:0:0:1]:6379",
                describe(new InetSocketAddress(InetAddress.getByAddress(loopback), 6379)));
        assertEquals("[::1]:6379", describe(InetSocketAddress.createUnresolved("::1", 6379)));
    }

    @Test
    void aConnectedSocketIsItsPeer() throws IOException {
        try (ServerSocket server = loopbackServer();
             Socket byLiteral = new Socket("127.0.0.1", server.getLocalPort());
             Socket accepted = server.accept();
             Socket byName = new Socket("localhost", server.getLocalPort())) {
            assertEquals("127.0.0.1:" + server.getLocalPort(), describe(byLiteral));
            assertEquals("localhost:" + server.getLocalPort(), describe(byName));
            assertEquals("127.0.0.1:" + byLiteral.getLocalPort(), describe(accepted));
        }
    }

    @Test
    void anUnconnectedSocketHasNoDetail() throws IOException {
        try (Socket socket = new Socket()) {
            assertNull(describe(socket));
        }
    }

    @Test
    void aConnectedSocketChannelIsItsPeer() throws IOException {
        try (ServerSocket server = loopbackServer();
             SocketChannel byLiteral = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.getLocalPort()));
             SocketChannel byName = SocketChannel.open(new InetSocketAddress("localhost", server.getLocalPort()))) {
            assertEquals("127.0.0.1:" + server.getLocalPort(), describe(byLiteral));
            assertEquals("localhost:" + server.getLocalPort(), describe(byName));
        }
    }

    @Test
    void aClosedSocketChannelHasNoDetail() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.close();

        assertNull(describe(channel));
    }

    @Test
    void detailNoneHasNoDetail() {
        assertNull(CallDetail.describe(Category.FILE, Path.of("/var/data/big.bin"), DetailMode.NONE));
        assertNull(CallDetail.describe(Category.SOCKET, new InetSocketAddress("127.0.0.1", 80), DetailMode.NONE));
    }

    @Test
    void nothingOrAnUnknownThingHasNoDetail() {
        assertNull(describe(null));
        assertNull(describe(42));
    }

    @Test
    void aCommandIsItsProgramAndArgumentCountUnlessDetailIsFull() {
        ProcessBuilder dump = new ProcessBuilder("pg_dump", "-h", "db", "secret-db");
        assertEquals("pg_dump +3 args", CallDetail.describe(Category.PROCESS, dump, DetailMode.REDACTED));
        assertEquals("pg_dump -h db secret-db", CallDetail.describe(Category.PROCESS, dump, DetailMode.FULL));
        assertEquals("tar +2 args", CallDetail.describe(Category.PROCESS, "tar  czf  /backup.tgz", DetailMode.REDACTED));
        assertEquals("ls +0 args", CallDetail.describe(Category.PROCESS, new String[] {"ls"}, DetailMode.REDACTED));
    }

    @Test
    void aHostLookupIsTheHostNameAndAReverseLookupTheAddress() throws IOException {
        assertEquals("db.example.com", CallDetail.describe(Category.DNS, "db.example.com", DetailMode.REDACTED));
        assertEquals("10.1.2.3", CallDetail.describe(Category.DNS,
                InetAddress.getByAddress(new byte[] {10, 1, 2, 3}), DetailMode.REDACTED));
    }

    @Test
    void sqlIsRedactedUnlessDetailIsFull() {
        assertEquals("SELECT ?, ?", CallDetail.describe(Category.JDBC, "SELECT 'x', 42", DetailMode.REDACTED));
        assertEquals("SELECT 'x', 42", CallDetail.describe(Category.JDBC, "SELECT 'x', 42", DetailMode.FULL));
        assertEquals("SELECT * FROM users WHERE email = ?",
                CallDetail.describe(Category.JDBC, "SELECT *\n  FROM users\n WHERE email = 'a@example.com'",
                        DetailMode.REDACTED));
    }

    @Test
    void aPreparedStatementIsTheSqlItWasPreparedWith() {
        Object statement = new Object();
        PreparedStatementSql.remember(statement, "UPDATE accounts SET balance = 100 WHERE id = ?");

        assertEquals("UPDATE accounts SET balance = ? WHERE id = ?",
                CallDetail.describe(Category.JDBC, statement, DetailMode.REDACTED));
        assertEquals("UPDATE accounts SET balance = 100 WHERE id = ?",
                CallDetail.describe(Category.JDBC, statement, DetailMode.FULL));
        assertNull(CallDetail.describe(Category.JDBC, statement, DetailMode.NONE));
    }

    @Test
    void aStatementPreparedWithoutBlockwatchHasNoDetail() {
        assertNull(CallDetail.describe(Category.JDBC, new Object(), DetailMode.REDACTED));
        assertNull(CallDetail.describe(Category.JDBC, new Object(), DetailMode.FULL));
        assertNull(CallDetail.describe(Category.JDBC, null, DetailMode.FULL));
    }

    @Test
    void aRedisCommandIsItsNameUnlessDetailIsFull() {
        CommandArguments jedisSet = new CommandArguments(Protocol.Command.SET).add("k").add("s3cret-value");
        AsyncCommand<String, String, Object> lettuceBlpop = new AsyncCommand<>(new Command<>(CommandType.BLPOP, null,
                new CommandArgs<>(StringCodec.UTF8).addKey("k").add(0.15)));

        assertEquals("SET", CallDetail.describe(Category.REDIS, jedisSet, DetailMode.REDACTED));
        assertEquals("SET k s3cret-value", CallDetail.describe(Category.REDIS, jedisSet, DetailMode.FULL));
        assertNull(CallDetail.describe(Category.REDIS, jedisSet, DetailMode.NONE));
        assertEquals("BLPOP", CallDetail.describe(Category.REDIS, lettuceBlpop, DetailMode.REDACTED));
        assertEquals("BLPOP key<k> 0.15", CallDetail.describe(Category.REDIS, lettuceBlpop, DetailMode.FULL));
        assertNull(CallDetail.describe(Category.REDIS, lettuceBlpop, DetailMode.NONE));
    }

    @Test
    void aRedisCallWithoutACommandHasNoDetail() {
        assertNull(CallDetail.describe(Category.REDIS, "SET k v", DetailMode.FULL));
        assertNull(CallDetail.describe(Category.REDIS, new CompletableFuture<>(), DetailMode.FULL));
        assertNull(CallDetail.describe(Category.REDIS, null, DetailMode.FULL));
    }

    @Test
    void aWaitOrASleepHasNoDetailWhateverItsSubject() {
        AsyncCommand<String, String, Object> future = new AsyncCommand<>(new Command<>(CommandType.GET, null,
                new CommandArgs<>(StringCodec.UTF8).addKey("k")));

        assertNull(CallDetail.describe(Category.WAIT, future, DetailMode.FULL));
        assertNull(CallDetail.describe(Category.WAIT, "SELECT 1", DetailMode.FULL));
        assertNull(CallDetail.describe(Category.SLEEP, "/var/data/big.bin", DetailMode.FULL));
        assertNull(CallDetail.describe(Category.SLEEP, 1000L, DetailMode.REDACTED));
    }
}
