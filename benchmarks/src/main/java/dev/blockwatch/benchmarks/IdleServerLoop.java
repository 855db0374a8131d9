package dev.blockwatch.benchmarks;

import java.nio.channels.Selector;

/**
 * The target of {@link AttachTime}: a JVM with a selector loop that waits, as a server between
 * requests does, until it is killed. It prints {@code ready} once its loop runs.
 */
public final class IdleServerLoop {
    private IdleServerLoop() {
    }

    public static void main(String[] args) throws Exception {
        try (Selector selector = Selector.open()) {
            System.out.println("ready");
            System.out.flush();
            while (true) {
                selector.select(100);
            }
        }
    }
}
