package dev.blockwatch.it.apps;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The same blocking {@code java.net.Socket} read, from a peer that answers after 150 ms, made on a
 * Netty 4.2 NIO event loop, a Netty epoll event loop, a Netty DefaultEventExecutorGroup thread
 * (where Netty users offload blocking handlers) and a plain thread named {@code plain-reader}.
 */
public final class NettyScenarios {
    public static final Duration ANSWER_DELAY = Duration.ofMillis(150);

    private NettyScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Epoll.ensureAvailability();
        try (LocalPeer peer = LocalPeer.answeringAfter(ANSWER_DELAY)) {
            System.out.println("peer=" + peer.address());
            // Loads the socket classes on the main thread first, so that later only the read itself is slow.
            readFromPeer(peer);

            runOn(new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()), peer, "nioEventLoop");
            runOn(new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory()), peer, "epollEventLoop");
            runOn(new DefaultEventExecutorGroup(1), peer, "defaultEventExecutorGroup");
            Outcome.onNewThread("plain-reader", () -> readFromPeer(peer)).print("plainThread");
        }
    }

    private static void runOn(EventExecutorGroup group, LocalPeer peer, String scenario) throws Exception {
        try {
            group.next().submit(() -> Outcome.here(readFromPeer(peer))).get(30, TimeUnit.SECONDS).print(scenario);
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    static int readFromPeer(LocalPeer peer) throws Exception {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read(); // blocks until the peer answers
        }
    }
}
