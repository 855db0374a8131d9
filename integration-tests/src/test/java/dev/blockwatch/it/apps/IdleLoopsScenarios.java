package dev.blockwatch.it.apps;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Servers that sit idle: a Netty server on an NIO event loop and one on an epoll event loop, a
 * Vert.x 5 HTTP server, and a hand-written NIO selector loop. They wait {@link #IDLE} for a client
 * that never comes; then one socket read of about 20 ms is made on each loop, the probe that shows
 * the loop is watched. The application prints when the idle time began and ended, and exits
 * without shutting the loops down: only the idle time and the probes are under test.
 */
public final class IdleLoopsScenarios {
    public static final Duration IDLE = Duration.ofSeconds(3);
    public static final Duration PROBE_DELAY = Duration.ofMillis(20);
    /** Time for what the servers' start set off on their loops to end before the idle time begins. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private IdleLoopsScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Epoll.ensureAvailability();
        LocalPeer peer = LocalPeer.answeringAfter(PROBE_DELAY);
        // Loads the socket classes on main first, so that a probe on a loop is only its read.
        readFromPeer(peer);
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        bind(nio, NioServerSocketChannel.class);
        EventLoopGroup epoll = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        bind(epoll, EpollServerSocketChannel.class);
        Vertx vertx = Vertx.vertx();
        Context vertxLoop = vertx.getOrCreateContext();
        onVertx(vertxLoop, () -> vertx.createHttpServer()
                .requestHandler(request -> request.response().end())
                .listen(0, "127.0.0.1"));
        SelectorLoop selectorLoop = new SelectorLoop("selector-loop");
        System.out.println("peer=" + peer.address());

        Thread.sleep(SETTLE.toMillis());
        System.out.println("idle.start=" + Instant.now());
        Thread.sleep(IDLE.toMillis());
        System.out.println("idle.end=" + Instant.now());

        nio.next().submit(() -> Outcome.here(readFromPeer(peer))).get(30, TimeUnit.SECONDS).print("nettyNio");
        epoll.next().submit(() -> Outcome.here(readFromPeer(peer))).get(30, TimeUnit.SECONDS).print("nettyEpoll");
        onVertx(vertxLoop, () -> Outcome.here(readFromPeer(peer))).print("vertx");
        selectorLoop.call(() -> Outcome.here(readFromPeer(peer))).print("selectorLoop");
        System.exit(0);
    }

    private static void bind(EventLoopGroup group, Class<? extends ServerChannel> channelType) throws Exception {
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .childHandler(new ChannelInboundHandlerAdapter())
                .bind(LocalPeer.loopback(), 0)
                .sync()
                .channel();
        System.out.println(channelType.getSimpleName() + ".bound=" + server.localAddress());
    }

    /** Runs the task on the Vert.x context's event loop and returns its result. */
    private static <T> T onVertx(Context context, Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    static int readFromPeer(LocalPeer peer) throws Exception {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read(); // blocks until the peer answers
        }
    }
}
