package dev.blockwatch.it.apps;

import java.net.Socket;
import java.time.Duration;

/**
 * A tiny server-like application: prints a marker as soon as main runs, serves one slow request on
 * its selector loop (a socket read that blocks 150 ms, over the default threshold of 20 ms), and
 * prints a second marker when it has served it.
 */
public final class ServeOnceApp {
    public static final String STARTED = "marker: main started";
    public static final String SERVED = "marker: served one request";

    private ServeOnceApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(STARTED);
        try (LocalPeer peer = LocalPeer.answeringAfter(Duration.ofMillis(150));
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            int answer = loop.call(() -> readFromPeer(peer));
            System.out.println(SERVED + " (read " + answer + ")");
        }
    }

    static int readFromPeer(LocalPeer peer) throws Exception {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read();
        }
    }
}
