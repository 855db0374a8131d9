package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The same slow FIFO read (about 150 ms) made on a selector loop from inside
 * {@link #readWhileAllowed} (directly and through {@link #readFifo}), from {@link #readElsewhere},
 * and from every method of {@link TrustedReader}; run with {@code allow} naming the first method
 * and the whole trusted type, only the read from {@link #readElsewhere} is to be reported.
 */
public final class AllowScenarios {
    public static final Duration ANSWER_DELAY = Duration.ofMillis(150);

    private AllowScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath(); // the child's own working directory
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            Fifo direct = Fifo.answeringAfter(dir.resolve("fifo-allowed-direct"), ANSWER_DELAY);
            Fifo deeper = Fifo.answeringAfter(dir.resolve("fifo-allowed-deeper"), ANSWER_DELAY);
            loop.call(() -> Outcome.here(readWhileAllowed(direct.path(), deeper.path()))).print("readWhileAllowed");
            direct.awaitWriter();
            deeper.awaitWriter();

            Fifo elsewhere = Fifo.answeringAfter(dir.resolve("fifo-elsewhere"), ANSWER_DELAY);
            loop.call(() -> Outcome.here(readElsewhere(elsewhere.path()))).print("readElsewhere");
            elsewhere.awaitWriter();

            Fifo trustedDirect = Fifo.answeringAfter(dir.resolve("fifo-trusted-direct"), ANSWER_DELAY);
            loop.call(() -> Outcome.here(TrustedReader.read(trustedDirect.path()))).print("trustedRead");
            trustedDirect.awaitWriter();

            Fifo trustedDeeper = Fifo.answeringAfter(dir.resolve("fifo-trusted-deeper"), ANSWER_DELAY);
            loop.call(() -> Outcome.here(TrustedReader.readThroughHelper(trustedDeeper.path())))
                    .print("trustedReadThroughHelper");
            trustedDeeper.awaitWriter();
        }
    }

    /** Two reads inside the allowed method: one made here, one made a frame deeper. */
    static int readWhileAllowed(Path direct, Path deeper) throws IOException {
        int read;
        try (FileInputStream in = new FileInputStream(direct.toFile())) {
            read = in.read(new byte[64]);
        }
        return read + readFifo(deeper);
    }

    static int readElsewhere(Path fifo) throws IOException {
        return readFifo(fifo);
    }

    static int readFifo(Path fifo) throws IOException {
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            return in.read(new byte[64]); // blocks until the writer answers
        }
    }
}
