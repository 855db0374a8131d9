package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * File and socket calls on a hand-written NIO selector loop (watched with no configuration) and on a
 * plain thread (not watched), one scenario after the other. Run with threshold=50ms: the FIFO reads
 * block about 150 ms, the fast calls take far less than 50 ms.
 */
public final class SelectorLoopScenarios {
    public static final Duration ANSWER_DELAY = Duration.ofMillis(150);
    public static final int FAST_READS = 1000;

    private SelectorLoopScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath(); // the child's own working directory
        try (SelectorLoop loop = new SelectorLoop("selector-loop");
             LocalPeer quickPeer = LocalPeer.answeringAfter(Duration.ZERO)) {
            Fifo first = Fifo.answeringAfter(dir.resolve("fifo-read"), ANSWER_DELAY);
            System.out.println("readFifo.path=" + first.path());
            loop.call(() -> Outcome.here(readFifo(first.path()))).print("readFifo");
            first.awaitWriter();

            Fifo second = Fifo.answeringAfter(dir.resolve("fifo-read-all"), ANSWER_DELAY);
            System.out.println("readAllBytesOfFifo.path=" + second.path());
            loop.call(() -> Outcome.here(readAllBytesOfFifo(second.path()))).print("readAllBytesOfFifo");
            second.awaitWriter();

            Fifo third = Fifo.answeringAfter(dir.resolve("fifo-plain"), ANSWER_DELAY);
            Outcome.onNewThread("plain-reader", () -> readFifoOnPlainThread(third.path()))
                    .print("readFifoOnPlainThread");
            third.awaitWriter();

            Path small = Files.write(dir.resolve("small.bin"), new byte[FAST_READS]);
            // The first socket read loads the socket classes; do it off the loop so that the loop's one is fast.
            quickSocketRead(quickPeer);
            loop.call(() -> Outcome.here(fastReads(small, quickPeer))).print("fastReads");
        }
    }

    static int readFifo(Path fifo) throws IOException {
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            return in.read(new byte[64]); // blocks until the writer answers
        }
    }

    static int readAllBytesOfFifo(Path fifo) throws IOException {
        return Files.readAllBytes(fifo).length;
    }

    static int readFifoOnPlainThread(Path fifo) throws IOException {
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            return in.read(new byte[64]);
        }
    }

    /** Many one-byte reads of a small regular file, then a socket read whose answer is already there. */
    static int fastReads(Path file, LocalPeer quickPeer) throws Exception {
        int read = 0;
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            while (in.read() >= 0) {
                read++;
            }
        }
        return read + quickSocketRead(quickPeer);
    }

    private static int quickSocketRead(LocalPeer peer) throws Exception {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read() == LocalPeer.ANSWER ? 1 : 0;
        }
    }
}
