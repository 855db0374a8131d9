package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Five slow FIFO reads (about 150 ms each) on a selector loop, one every half second or so, so that
 * the application runs about 2.5 s and periodic summaries fall between the reads.
 */
public final class PacedReadsApp {
    public static final int READS = 5;
    public static final Duration ANSWER_DELAY = Duration.ofMillis(150);
    private static final Duration PAUSE = Duration.ofMillis(350);

    private PacedReadsApp() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath(); // the child's own working directory
        int read = 0;
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            for (int i = 0; i < READS; i++) {
                Fifo fifo = Fifo.answeringAfter(dir.resolve("fifo-" + i), ANSWER_DELAY);
                read += loop.call(() -> readFifo(fifo.path()));
                fifo.awaitWriter();
                Thread.sleep(PAUSE.toMillis()); // on main, which is not watched
            }
        }
        System.out.println("bytesRead=" + read);
    }

    static int readFifo(Path fifo) throws IOException {
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            return in.read(new byte[64]);
        }
    }
}
