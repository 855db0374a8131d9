package dev.blockwatch.it.apps;

import dev.blockwatch.it.apps.dao.FileStore;
import java.nio.file.Path;
import java.time.Duration;

/** A slow FIFO read (about 150 ms) on a selector loop, made through the data-access class {@link FileStore}. */
public final class SiteSkipScenarios {
    public static final Duration ANSWER_DELAY = Duration.ofMillis(150);

    private SiteSkipScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath(); // the child's own working directory
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            Fifo fifo = Fifo.answeringAfter(dir.resolve("fifo"), ANSWER_DELAY);
            System.out.println("loadThroughStore.path=" + fifo.path());
            loop.call(() -> Outcome.here(loadThroughStore(fifo.path()))).print("loadThroughStore");
            fifo.awaitWriter();
        }
    }

    static int loadThroughStore(Path fifo) throws Exception {
        return FileStore.load(fifo);
    }
}
