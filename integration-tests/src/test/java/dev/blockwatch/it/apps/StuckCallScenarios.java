package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One call that stays blocked far longer than the threshold: a FIFO read on a selector loop whose
 * writer answers after 5.5 s, so that the agent sees it while it is still blocked. The writer's
 * clock starts when it opens the FIFO, a moment before the read does: the read itself blocks a
 * little less, still at least 5 s.
 */
public final class StuckCallScenarios {
    public static final Duration ANSWER_DELAY = Duration.ofMillis(5500);

    private StuckCallScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath(); // the child's own working directory
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            Fifo fifo = Fifo.answeringAfter(dir.resolve("fifo-stuck"), ANSWER_DELAY);
            System.out.println("readStuckFifo.path=" + fifo.path());
            loop.call(() -> Outcome.here(readStuckFifo(fifo.path()))).print("readStuckFifo");
            fifo.awaitWriter();
        }
    }

    static int readStuckFifo(Path fifo) throws IOException {
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            return in.read(new byte[64]); // blocks until the writer answers
        }
    }
}
