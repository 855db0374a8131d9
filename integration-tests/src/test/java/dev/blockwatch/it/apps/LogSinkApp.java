package dev.blockwatch.it.apps;

import java.net.Socket;
import java.time.Duration;

/**
 * A slow socket read on a selector loop, for the log sink. With argument {@code slf4j} the
 * application first logs through SLF4J itself (its class path then has slf4j-api and slf4j-simple);
 * without it, the application never touches SLF4J, which may not even be on its class path.
 */
public final class LogSinkApp {
    private LogSinkApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("slf4j")) {
            Slf4jGreeting.greet("application started");
        }
        try (LocalPeer peer = LocalPeer.answeringAfter(Duration.ofMillis(150));
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            System.out.println("peer=" + peer.address());
            System.out.println("read=" + loop.call(() -> readFromPeer(peer)));
        }
    }

    static int readFromPeer(LocalPeer peer) throws Exception {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read();
        }
    }
}
