package dev.blockwatch.it.apps;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A named pipe whose writer answers late, so that a read of it blocks for a known time: the writer
 * thread opens the pipe (which waits until a reader opens it too), sleeps, writes, and closes.
 */
public final class Fifo {
    public static final byte[] ANSWER = "hello".getBytes();

    private final Path path;
    private final Thread writer;

    private Fifo(Path path, Duration delay) {
        this.path = path;
        writer = new Thread(() -> answer(delay), "fifo-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Creates the pipe at the path (absolute) and starts its writer. */
    public static Fifo answeringAfter(Path path, Duration delay) throws IOException, InterruptedException {
        Path absolute = path.toAbsolutePath().normalize();
        Process mkfifo = new ProcessBuilder("mkfifo", absolute.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + absolute + " failed with exit code " + mkfifo.exitValue());
        }
        return new Fifo(absolute, delay);
    }

    public Path path() {
        return path;
    }

    /** Waits until the writer has closed the pipe, so that the next scenario starts clean. */
    public void awaitWriter() throws InterruptedException {
        writer.join(10_000);
    }

    private void answer(Duration delay) {
        try (OutputStream out = new FileOutputStream(path.toFile())) {
            Thread.sleep(delay.toMillis());
            out.write(ANSWER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
