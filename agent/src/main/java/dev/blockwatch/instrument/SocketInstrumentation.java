package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.config.Category;
import dev.blockwatch.instrument.advice.BlockingChannelAcceptAdvice;
import dev.blockwatch.instrument.advice.BlockingChannelAdvice;
import dev.blockwatch.instrument.advice.BlockingChannelConnectAdvice;
import dev.blockwatch.instrument.advice.FirstArgumentAdvice;
import dev.blockwatch.instrument.advice.ParentSocketAdvice;
import dev.blockwatch.instrument.advice.ReturnedSocketAdvice;
import dev.blockwatch.instrument.advice.ThisDetailAdvice;
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
                        .advise(named("connect").and(takesArguments(2)), FirstArgumentAdvice.class),
                TypeAdvice.of("java.net.Socket$SocketInputStream", "java.net.Socket")
                        .advise(isPublic().and(named("read")), ParentSocketAdvice.class),
                TypeAdvice.of("java.net.Socket$SocketOutputStream", "java.net.Socket")
                        .advise(isPublic().and(named("write")), ParentSocketAdvice.class),
                TypeAdvice.of("java.net.ServerSocket")
                        .advise(isPublic().and(named("accept")), ReturnedSocketAdvice.class),
                TypeAdvice.of("sun.nio.ch.SocketChannelImpl", "java.nio.channels.SocketChannel")
                        .advise(isPublic().and(named("read").or(named("write"))), BlockingChannelAdvice.class)
                        .advise(isPublic().and(named("connect")), BlockingChannelConnectAdvice.class),
                // the streams and connect of SocketChannel.socket(), the socket adaptor
                TypeAdvice.of("sun.nio.ch.SocketChannelImpl", "java.net.Socket")
                        .advise(named("blockingRead"), ThisDetailAdvice.class, "read")
                        .advise(named("blockingWriteFully"), ThisDetailAdvice.class, "write")
                        .advise(named("blockingConnect"), FirstArgumentAdvice.class, "connect"),
                TypeAdvice.of("sun.nio.ch.ServerSocketChannelImpl", "java.nio.channels.ServerSocketChannel")
                        .advise(isPublic().and(named("accept")), BlockingChannelAcceptAdvice.class));
    }
}
