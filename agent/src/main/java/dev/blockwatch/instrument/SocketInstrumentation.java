package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.field;
import static dev.blockwatch.instrument.DetailSource.returned;
import static dev.blockwatch.instrument.DetailSource.self;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.config.Category;
import java.util.List;

/**
 * Socket I/O: {@code Socket} connect and its streams' reads and writes, {@code ServerSocket}
 * accept, TLS handshakes, datagrams, and {@code SocketChannel}/{@code ServerSocketChannel}/
 * {@code DatagramChannel} calls in blocking mode (a non-blocking channel call never blocks and
 * is not timed). The detail is the remote {@code host:port}, worked out only for a reported
 * call.
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
                        .timeInBlockingMode(isPublic().and(named("accept")), returned()),
                // a TLS handshake, started explicitly or by the first read or write
                TypeAdvice.of("sun.security.ssl.SSLSocketImpl", "javax.net.ssl.SSLSocket")
                        .time(isPublic().and(named("startHandshake")).and(takesArguments(0)), self())
                        .time(named("ensureNegotiated"), self(), "startHandshake"),
                // the detail of a datagram is its packet's address: the sender of one received
                TypeAdvice.of("java.net.DatagramSocket")
                        .time(isPublic().and(namedOneOf("send", "receive")), argument(0)),
                TypeAdvice.of("sun.nio.ch.DatagramChannelImpl", "java.nio.channels.DatagramChannel")
                        .timeInBlockingMode(isPublic().and(named("receive")), returned())
                        .timeInBlockingMode(isPublic().and(named("send")), argument(1))
                        .timeInBlockingMode(isPublic().and(namedOneOf("read", "write")), self()));
    }
}
