package dev.blockwatch.it.apps;

import java.net.Socket;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/** Loaded by IsolatedSlf4jApp's own class loader, where SLF4J is: logs, then reads slowly on a selector loop. */
public final class IsolatedSlf4jService implements Runnable {
    @Override
    public void run() {
        LoggerFactory.getLogger(IsolatedSlf4jService.class).info("service started");
        try (LocalPeer peer = LocalPeer.answeringAfter(Duration.ofMillis(150));
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            System.out.println("peer=" + peer.address());
            System.out.println("read=" + loop.call(() -> readFromPeer(peer)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int readFromPeer(LocalPeer peer) throws Exception {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read();
        }
    }
}
