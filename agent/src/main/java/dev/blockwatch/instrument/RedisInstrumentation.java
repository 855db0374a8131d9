package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.none;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.config.Category;
import dev.blockwatch.instrument.advice.CommandSentAdvice;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Redis clients.
 *
 * <p>Jedis: every command of every Jedis client ({@code Jedis}, {@code UnifiedJedis} and so
 * {@code JedisPooled} and the cluster client) goes through its {@code Connection}, which is
 * timed: {@code executeCommand} (send and read), {@code sendCommand} and the reply reads. A
 * call is named after the outermost Jedis method on the stack, the one the application called
 * ({@code Jedis.blpop}), and its detail is the command. Timing the thousands of command
 * methods themselves would cost about half a second of class transformation on the thread
 * that first uses Jedis, which may well be an event loop. Pipelines' and transactions'
 * {@code sync}/{@code exec}, {@code Response.get} and a pool's {@code getResource} (waiting
 * for a free connection) are timed as calls of their own.
 *
 * <p>Lettuce: the synchronous API, a dynamic proxy whose invocation handler dispatches each
 * command and waits for it in {@code awaitOrCancel}: the handler is timed, so that sending is
 * part of the call too, with the command awaited as its subject, and the call is reported as the
 * {@code RedisCommands} method called. {@code awaitOrCancel} is timed as well, for applications
 * (and Spring Data Redis) that call {@code LettuceFutures.awaitOrCancel} themselves. A blocking
 * {@code get()} on a Lettuce future is a {@code CompletableFuture} wait, timed by the wait
 * family and reported as Redis (see {@code report.RedisCommandText}).
 */
public final class RedisInstrumentation implements CallFamily {
    private static final String JEDIS = "redis.clients.jedis.";
    private static final CallerApi JEDIS_API = CallerApi.outermostIn("redis.clients.jedis");
    private static final CallerApi LETTUCE_SYNC_API =
            CallerApi.proxied("io.lettuce.core.api.sync.RedisCommands", "io.lettuce.core");
    private static final List<String> JEDIS_REPLY_READS = List.of(
            "getOne", "getMany", "getStatusCodeReply", "getBulkReply", "getBinaryBulkReply", "getIntegerReply",
            "getMultiBulkReply", "getBinaryMultiBulkReply", "getObjectMultiBulkReply", "getIntegerMultiBulkReply",
            "getUnflushedObject", "getUnflushedObjectMultiBulkReply");

    @Override
    public Category category() {
        return Category.REDIS;
    }

    @Override
    public List<TypeAdvice> types() {
        TypeAdvice connection = TypeAdvice.of(JEDIS + "Connection")
                .timeNamedByCaller(isPublic().and(named("executeCommand")), argument(0), "executeCommand", JEDIS_API)
                .timeNamedByCaller(isPublic().and(named("sendCommand")), argument(0), "sendCommand", JEDIS_API)
                .hook(isPublic().and(named("sendCommand")).and(takesArgument(0, named(JEDIS + "CommandArguments"))),
                        CommandSentAdvice.class);
        for (String read : JEDIS_REPLY_READS) {
            connection.timeNamedByCaller(isPublic().and(named(read)), none(), read, JEDIS_API);
        }
        return List.of(
                connection,
                // a pipeline's replies are read in sync: no one command
                TypeAdvice.of(JEDIS + "Pipeline").time(isPublic().and(namedOneOf("sync", "syncAndReturnAll")), none()),
                TypeAdvice.of(JEDIS + "Response").time(isPublic().and(named("get")).and(takesArguments(0)), none()),
                // exec sends EXEC, then reads the replies: one call, with the command
                TypeAdvice.of(JEDIS + "Transaction").timeCommands(isPublic().and(namedOneOf("exec", "discard"))),
                TypeAdvice.of(JEDIS + "util.Pool").time(isPublic().and(named("getResource")), none()),
                TypeAdvice.of(JEDIS + "JedisPool").time(isPublic().and(named("getResource")), none()),
                lettuceSync("io.lettuce.core.FutureSyncInvocationHandler"),
                lettuceSync("io.lettuce.core.cluster.ClusterFutureSyncInvocationHandler"),
                lettuceSync("io.lettuce.core.failover.MultiDbFutureSyncInvocationHandler"),
                lettuceAwait("io.lettuce.core.internal.Futures"),
                // where Lettuce 6 waits, and an API applications call too
                lettuceAwait("io.lettuce.core.LettuceFutures"));
    }

    /** A synchronous command, dispatched and awaited: one call, its command found where it is awaited. */
    private static TypeAdvice lettuceSync(String type) {
        return TypeAdvice.of(type)
                .timeCommandsNamedByCaller(named("handleInvocation"), "handleInvocation", LETTUCE_SYNC_API);
    }

    private static TypeAdvice lettuceAwait(String type) {
        ElementMatcher.Junction<MethodDescription> awaitOrCancel = isPublic().and(isStatic()).and(named("awaitOrCancel"));
        return TypeAdvice.of(type)
                .timeNamedByCaller(awaitOrCancel, argument(0), "awaitOrCancel", LETTUCE_SYNC_API)
                .hook(awaitOrCancel, CommandSentAdvice.class);
    }
}
