package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One slow file read and one slow socket read on a selector loop, each blocking about 150 ms (a
 * FIFO and a peer that answer late): the child's options decide which of them it reports.
 */
public final class SlowReadScenarios {
    public static final Duration ANSWER_DELAY = Duration.ofMillis(150);

    private SlowReadScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath(); // the child's own working directory
        try (SelectorLoop loop = new SelectorLoop("selector-loop");
             LocalPeer peer = LocalPeer.answeringAfter(ANSWER_DELAY)) {
            Fifo fifo = Fifo.answeringAfter(dir.resolve("fifo"), ANSWER_DELAY);
            System.out.println("readFifo.path=" + fifo.path());
            loop.call(() -> Outcome.here(readFifo(fifo.path()))).print("readFifo");
            fifo.awaitWriter();

            System.out.println("readFromPeer.peer=" + peer.address());
            loop.call(() -> Outcome.here(readFromPeer(peer))).print("readFromPeer");
        }
    }

    static int readFifo(Path fifo) throws IOException {
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            return in.read(new byte[64]); // blocks until the writer answers
        }
    }

    static int readFromPeer(LocalPeer peer) throws IOException {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read(); // blocks until the peer answers
        }
    }
}
