package dev.blockwatch.it.apps;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@link FamilyMixHandler}'s two methods, each run once on a selector loop with its own FIFO, whose
 * writer answers after 150 ms.
 */
public final class FamilyMixScenarios {
    private FamilyMixScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("").toAbsolutePath(); // the child's own working directory
        Duration delay = Duration.ofMillis(FamilyMixHandler.MILLIS);
        // The first process start of a JVM loads and links its launcher; do it where nothing is watched.
        new ProcessBuilder("true").start().waitFor();
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            Fifo handled = Fifo.answeringAfter(dir.resolve("fifo-handle"), delay);
            System.out.println("handle.path=" + handled.path());
            loop.call(() -> Outcome.here(FamilyMixHandler.handle(handled.path()))).print("handle");
            handled.awaitWriter();

            Fifo allowed = Fifo.answeringAfter(dir.resolve("fifo-handle-allowed"), delay);
            loop.call(() -> Outcome.here(FamilyMixHandler.handleAllowed(allowed.path()))).print("handleAllowed");
            allowed.awaitWriter();
        }
    }
}
