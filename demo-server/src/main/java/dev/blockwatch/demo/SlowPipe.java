package dev.blockwatch.demo;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A file on a slow disk: a named pipe whose writer thread answers every reader after a delay, then
 * closes, so that reading the "file" to its end takes that long however fast the real disk is.
 * A regular file would come from the page cache in well under a millisecond, below any useful
 * threshold; a network disk, or one busy with a backup, is what a server really waits for.
 * One reader is served at a time, which is all the demo's sequential traffic needs.
 */
final class SlowPipe {
    /** After closing, let the reader that got the content close too before the next reader is served. */
    private static final Duration PAUSE_BETWEEN_READERS = Duration.ofMillis(20);

    private final Path path;
    private final byte[] content;
    private final Duration delay;

    private SlowPipe(Path path, byte[] content, Duration delay) {
        this.path = path;
        this.content = content;
        this.delay = delay;
    }

    /** Creates the named pipe at {@code path} (with {@code mkfifo}) and starts its daemon writer thread. */
    static SlowPipe create(Path path, byte[] content, Duration delay) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + path + " failed with exit code " + mkfifo.exitValue());
        }
        SlowPipe pipe = new SlowPipe(path, content, delay);
        Thread writer = new Thread(pipe::serveReaders, "slow-pipe-" + path.getFileName());
        writer.setDaemon(true);
        writer.start();
        return pipe;
    }

    Path path() {
        return path;
    }

    private void serveReaders() {
        while (true) {
            // Opening a named pipe for writing waits until a reader opens it.
            try (OutputStream out = new FileOutputStream(path.toFile())) {
                Thread.sleep(delay.toMillis());
                out.write(content);
            } catch (IOException e) {
                // The reader went away before the answer (a broken pipe): serve the next one.
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(PAUSE_BETWEEN_READERS.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
