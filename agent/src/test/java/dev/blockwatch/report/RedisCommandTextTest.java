package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.config.DetailMode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * The text of real Jedis and Lettuce command objects, built without a server: the command name
 * unless {@code detail=full}, never the arguments of a command that can carry credentials.
 */
class RedisCommandTextTest {
    private static CommandArguments jedis(ProtocolCommand command, String... arguments) {
        CommandArguments commandArguments = new CommandArguments(command);
        for (String argument : arguments) {
            commandArguments.add(argument);
        }
        return commandArguments;
    }

    private static CommandArgs<String, String> lettuceArgs() {
        return new CommandArgs<>(StringCodec.UTF8);
    }

    private static AsyncCommand<String, String, Object> lettuce(CommandType type, CommandArgs<String, String> args) {
        return new AsyncCommand<>(new Command<>(type, null, args));
    }

    @Test
    void aJedisCommandIsItsNameUnlessDetailIsFull() {
        CommandArguments set = jedis(Protocol.Command.SET, "k", "s3cret-value");

        assertEquals("SET", RedisCommandText.describe(set, DetailMode.REDACTED));
        assertEquals("SET k s3cret-value", RedisCommandText.describe(set, DetailMode.FULL));
    }

    @Test
    void aJedisCommandShowsNumbersBytesAndKeysAsText() {
        CommandArguments blpop = new CommandArguments(Protocol.Command.BLPOP)
                .key("queue:jobs").add(0.15).add(42).add("raw".getBytes(StandardCharsets.UTF_8));

        assertEquals("BLPOP queue:jobs 0.15 42 raw", RedisCommandText.describe(blpop, DetailMode.FULL));
        assertEquals("BLPOP", RedisCommandText.describe(blpop, DetailMode.REDACTED));
    }

    @Test
    void aJedisCommandWithoutArgumentsIsItsName() {
        CommandArguments ping = new CommandArguments(Protocol.Command.PING);

        assertEquals("PING", RedisCommandText.describe(ping, DetailMode.FULL));
        assertEquals("PING", RedisCommandText.describe(ping, DetailMode.REDACTED));
    }

    @Test
    void aJedisCustomCommandNameIsUpperCase() {
        ProtocolCommand module = () -> "json.get".getBytes(StandardCharsets.UTF_8);
        CommandArguments get = jedis(module, "doc:1", "$.name");

        assertEquals("JSON.GET", RedisCommandText.describe(get, DetailMode.REDACTED));
        assertEquals("JSON.GET doc:1 $.name", RedisCommandText.describe(get, DetailMode.FULL));
    }

    @Test
    void aJedisCommandThatCanCarryCredentialsNeverShowsItsArguments() {
        assertEquals("AUTH", RedisCommandText.describe(jedis(Protocol.Command.AUTH, "admin", "pa55word"),
                DetailMode.FULL));
        assertEquals("HELLO", RedisCommandText.describe(jedis(Protocol.Command.HELLO, "3", "AUTH", "admin", "pa55word"),
                DetailMode.FULL));
        assertEquals("ACL", RedisCommandText.describe(jedis(Protocol.Command.ACL, "SETUSER", "bob", "on", ">pa55word"),
                DetailMode.FULL));
        assertEquals("CONFIG", RedisCommandText.describe(jedis(Protocol.Command.CONFIG, "SET", "requirepass", "pa55word"),
                DetailMode.FULL));
        assertEquals("MIGRATE", RedisCommandText.describe(
                jedis(Protocol.Command.MIGRATE, "10.0.0.2", "6379", "k", "0", "5000", "AUTH", "pa55word"), DetailMode.FULL));
        assertEquals("SENTINEL", RedisCommandText.describe(
                jedis(Protocol.Command.SENTINEL, "SET", "mymaster", "auth-pass", "pa55word"), DetailMode.FULL));
        assertEquals("AUTH", RedisCommandText.describe(jedis(Protocol.Command.AUTH, "pa55word"), DetailMode.REDACTED));
    }

    @Test
    void aJedisCredentialsCommandSentInLowerCaseIsRecognised() {
        ProtocolCommand auth = () -> "auth".getBytes(StandardCharsets.UTF_8);

        assertEquals("AUTH", RedisCommandText.describe(jedis(auth, "pa55word"), DetailMode.FULL));
    }

    @Test
    void aJedisValueOnSeveralLinesIsOnOneLine() {
        CommandArguments set = jedis(Protocol.Command.SET, "k", "line one\nline two\r\nline\tthree");

        assertEquals("SET k line one line two line three", RedisCommandText.describe(set, DetailMode.FULL));
    }

    @Test
    void aLongJedisCommandIsCapped() {
        CommandArguments set = jedis(Protocol.Command.SET, "k", "v".repeat(5000));

        String text = RedisCommandText.describe(set, DetailMode.FULL);

        assertEquals("SET k " + "v".repeat(ReportText.MAX_DETAIL_LENGTH - "SET k ".length()) + "\u2026", text);
        assertEquals(ReportText.MAX_DETAIL_LENGTH + 1, text.length());
    }

    @Test
    void aLettuceCommandIsItsNameUnlessDetailIsFull() {
        CommandArgs<String, String> args = lettuceArgs().addKey("k").add(0.15);
        AsyncCommand<String, String, Object> blpop = lettuce(CommandType.BLPOP, args);

        assertEquals("BLPOP", RedisCommandText.describe(blpop, DetailMode.REDACTED));
        assertEquals("BLPOP key<k> 0.15", RedisCommandText.describe(blpop, DetailMode.FULL));
        assertEquals("BLPOP " + args.toCommandString(), RedisCommandText.describe(blpop, DetailMode.FULL));
    }

    @Test
    void aLettuceCommandThatIsNoFutureIsDescribedToo() {
        Command<String, String, Object> set = new Command<>(CommandType.SET, null,
                lettuceArgs().addKey("k").addValue("s3cret-value"));

        assertEquals("SET", RedisCommandText.describe(set, DetailMode.REDACTED));
        assertEquals("SET key<k> value<s3cret-value>", RedisCommandText.describe(set, DetailMode.FULL));
    }

    @Test
    void aLettuceCommandWithoutArgumentsIsItsName() {
        assertEquals("PING", RedisCommandText.describe(new Command<>(CommandType.PING, null), DetailMode.FULL));
        assertEquals("PING", RedisCommandText.describe(lettuce(CommandType.PING, lettuceArgs()), DetailMode.FULL));
        assertEquals("PING", RedisCommandText.describe(lettuce(CommandType.PING, lettuceArgs()), DetailMode.REDACTED));
    }

    @Test
    void aLettuceCommandThatCanCarryCredentialsNeverShowsItsArguments() {
        assertEquals("AUTH", RedisCommandText.describe(
                lettuce(CommandType.AUTH, lettuceArgs().add("admin").add("pa55word")), DetailMode.FULL));
        assertEquals("HELLO", RedisCommandText.describe(
                lettuce(CommandType.HELLO, lettuceArgs().add(3).add("AUTH").add("admin").add("pa55word")),
                DetailMode.FULL));
        assertEquals("ACL", RedisCommandText.describe(
                lettuce(CommandType.ACL, lettuceArgs().add("SETUSER").add("bob").add(">pa55word")), DetailMode.FULL));
        assertEquals("CONFIG", RedisCommandText.describe(
                lettuce(CommandType.CONFIG, lettuceArgs().add("SET").add("requirepass").add("pa55word")),
                DetailMode.FULL));
        assertEquals("MIGRATE", RedisCommandText.describe(
                lettuce(CommandType.MIGRATE, lettuceArgs().add("10.0.0.2").add(6379).add("AUTH").add("pa55word")),
                DetailMode.FULL));
    }

    @Test
    void aLettuceValueOnSeveralLinesIsOnOneLine() {
        AsyncCommand<String, String, Object> set =
                lettuce(CommandType.SET, lettuceArgs().addKey("k").addValue("line one\nline two"));

        assertEquals("SET key<k> value<line one line two>", RedisCommandText.describe(set, DetailMode.FULL));
    }

    @Test
    void aLongLettuceCommandIsCapped() {
        AsyncCommand<String, String, Object> set =
                lettuce(CommandType.SET, lettuceArgs().addKey("k").addValue("v".repeat(5000)));
        String start = "SET key<k> value<";

        assertEquals(start + "v".repeat(ReportText.MAX_DETAIL_LENGTH - start.length()) + "\u2026",
                RedisCommandText.describe(set, DetailMode.FULL));
    }

    @Test
    void anythingElseIsNoCommand() {
        assertNull(RedisCommandText.describe("SET k v", DetailMode.FULL));
        assertNull(RedisCommandText.describe(new Object(), DetailMode.FULL));
        assertNull(RedisCommandText.describe(List.of("SET".getBytes(StandardCharsets.UTF_8)), DetailMode.FULL));
        assertNull(RedisCommandText.describe(new CompletableFuture<>(), DetailMode.REDACTED));
    }

    @Test
    void aLettuceFutureIsAClientFutureAndAPlainFutureIsNot() {
        assertTrue(RedisCommandText.isClientFuture(lettuce(CommandType.GET, lettuceArgs().addKey("k"))));
        assertFalse(RedisCommandText.isClientFuture(new CompletableFuture<>()));
        assertFalse(RedisCommandText.isClientFuture(new Command<>(CommandType.GET, null)));
        assertFalse(RedisCommandText.isClientFuture(null));
    }

    @Test
    void aWaitOnAClientFutureIsNamedAsTheClientsFuture() {
        assertEquals("io.lettuce.core.RedisFuture.get",
                RedisCommandText.futureOperation("java.util.concurrent.CompletableFuture.get"));
        assertEquals("io.lettuce.core.RedisFuture.join",
                RedisCommandText.futureOperation("java.util.concurrent.CompletableFuture.join"));
    }
}
