package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request handler that blocks its loop in four families at once, each call about 150 ms: a FIFO
 * read (file), a sleep, a CountDownLatch wait and a child process. Its two methods make the very
 * same calls, each directly, so that each method is the site of its calls: the test allows one of
 * them by name.
 */
public final class FamilyMixHandler {
    public static final long MILLIS = 150;
    private static final String SECONDS = "0.15";

    private FamilyMixHandler() {
    }

    public static int handle(Path fifo) throws IOException, InterruptedException {
        int read;
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            read = in.read(new byte[64]);
        }
        Thread.sleep(MILLIS);
        new CountDownLatch(1).await(MILLIS, TimeUnit.MILLISECONDS);
        return read + new ProcessBuilder("sleep", SECONDS).start().waitFor();
    }

    public static int handleAllowed(Path fifo) throws IOException, InterruptedException {
        int read;
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            read = in.read(new byte[64]);
        }
        Thread.sleep(MILLIS);
        new CountDownLatch(1).await(MILLIS, TimeUnit.MILLISECONDS);
        return read + new ProcessBuilder("sleep", SECONDS).start().waitFor();
    }
}
