package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.none;
import static net.bytebuddy.matcher.ElementMatchers.isOverriddenFrom;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.config.Category;
import dev.blockwatch.instrument.advice.CommandSentAdvice;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Redis clients. Jedis: every command method of {@code Jedis} and {@code UnifiedJedis} (so
 * {@code JedisPooled} and the cluster client), of pipelines and transactions, their
 * {@code sync}/{@code exec} and {@code Response.get}, and a pool's {@code getResource}, which
 * waits for a free connection; each is reported under the method the application called, with
 * the command it sent (every Jedis command goes out through
 * {@code Connection.sendCommand(CommandArguments)}). Lettuce: the synchronous API, a dynamic
 * proxy that waits for each command in {@code awaitOrCancel}, reported as the
 * {@code RedisCommands} method called. A blocking {@code get()} on a Lettuce future is a
 * {@code CompletableFuture} wait, timed by the wait family and reported as Redis
 * (see {@code report.RedisCommandText}).
 */
public final class RedisInstrumentation implements CallFamily {
    private static final String JEDIS = "redis.clients.jedis.";
    private static final ElementMatcher.Junction<MethodDescription> COMMAND =
            isPublic().and(not(isStatic())).and(isOverriddenFrom(nameStartsWith(JEDIS + "commands.")));
    private static final ElementMatcher.Junction<MethodDescription> CLIENT_CALL =
            isPublic().and(not(isStatic())).and(namedOneOf("sendCommand", "sendBlockingCommand", "executeCommand",
                    "multi", "sync", "syncAndReturnAll", "exec", "discard"));

    @Override
    public Category category() {
        return Category.REDIS;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                TypeAdvice.of(JEDIS + "Jedis").timeCommands(COMMAND.or(CLIENT_CALL)),
                TypeAdvice.of(JEDIS + "UnifiedJedis").timeCommands(COMMAND.or(CLIENT_CALL)),
                TypeAdvice.of(JEDIS + "PipeliningBase").timeCommands(COMMAND),
                TypeAdvice.of(JEDIS + "Pipeline").timeCommands(CLIENT_CALL),
                TypeAdvice.of(JEDIS + "Transaction").timeCommands(COMMAND.or(CLIENT_CALL)),
                TypeAdvice.of(JEDIS + "Response").timeCommands(isPublic().and(named("get")).and(takesArguments(0))),
                TypeAdvice.of(JEDIS + "util.Pool").time(isPublic().and(named("getResource")), none()),
                TypeAdvice.of(JEDIS + "JedisPool").time(isPublic().and(named("getResource")), none()),
                TypeAdvice.of(JEDIS + "Connection")
                        .hook(isPublic().and(named("sendCommand"))
                                .and(takesArgument(0, named(JEDIS + "CommandArguments"))), CommandSentAdvice.class),
                lettuceAwait("io.lettuce.core.internal.Futures"),
                // where Lettuce 6 waits, and an API applications call too
                lettuceAwait("io.lettuce.core.LettuceFutures"));
    }

    private static TypeAdvice lettuceAwait(String type) {
        return TypeAdvice.of(type)
                .timeNamedByCaller(isPublic().and(isStatic()).and(named("awaitOrCancel")), argument(0),
                        "awaitOrCancel", CallerApi.proxied("io.lettuce.core.api.sync.RedisCommands", "io.lettuce.core"));
    }
}
