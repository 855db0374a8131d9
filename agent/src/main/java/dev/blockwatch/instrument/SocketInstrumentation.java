package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.field;
import static dev.blockwatch.instrument.DetailSource.returned;
import static dev.blockwatch.instrument.DetailSource.self;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.config.Category;
import java.util.List;

/**
 * Socket I/O: {@code Socket} connect and its streams' reads and writes, {@code ServerSocket}
 * accept, and {@code SocketChannel}/{@code ServerSocketChannel} calls in blocking mode
 * (a non-blocking channel call never blocks and is not timed). The detail is the remote
 * {@code host:port}, worked out only for a reported call.
 */
public final class SocketInstrumentation implements CallFamily {
    @Override
    public Category category() {
        return Category.SOCKET;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                // connect(SocketAddress) and the connecting constructors all go through this one
                TypeAdvice.of("java.net.Socket")
                        .time(named("connect").and(takesArguments(2)), argument(0)),
                TypeAdvice.of("java.net.Socket$SocketInputStream", "java.net.Socket")
                        .time(isPublic().and(named("read")), field("parent")),
                TypeAdvice.of("java.net.Socket$SocketOutputStream", "java.net.Socket")
                        .time(isPublic().and(named("write")), field("parent")),
                TypeAdvice.of("java.net.ServerSocket")
                        .time(isPublic().and(named("accept")), returned()),
                TypeAdvice.of("sun.nio.ch.SocketChannelImpl", "java.nio.channels.SocketChannel")
                        .timeInBlockingMode(isPublic().and(named("read").or(named("write"))), self())
                        .timeInBlockingMode(isPublic().and(named("connect")), argument(0)),
                // the streams and connect of SocketChannel.socket(), the socket adaptor
                TypeAdvice.of("sun.nio.ch.SocketChannelImpl", "java.net.Socket")
                        .time(named("blockingRead"), self(), "read")
                        .time(named("blockingWriteFully"), self(), "write")
                        .time(named("blockingConnect"), argument(0), "connect"),
                TypeAdvice.of("sun.nio.ch.ServerSocketChannelImpl", "java.nio.channels.ServerSocketChannel")
                        .timeInBlockingMode(isPublic().and(named("accept")), returned()));
    }
}
