package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** A type whose blocking reads are accepted as a whole ({@code allow=} its name): one read here, one deeper. */
public final class TrustedReader {
    private TrustedReader() {
    }

    public static int read(Path fifo) throws IOException {
        try (FileInputStream in = new FileInputStream(fifo.toFile())) {
            return in.read(new byte[64]);
        }
    }

    /** The read is made by a method of another type, which is reported when called from elsewhere. */
    public static int readThroughHelper(Path fifo) throws IOException {
        return AllowScenarios.readFifo(fifo);
    }
}
