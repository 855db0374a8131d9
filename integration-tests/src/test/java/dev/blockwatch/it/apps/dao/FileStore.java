package dev.blockwatch.it.apps.dao;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A tiny data-access layer in its own package: callers ask it for a record and it makes the
 * blocking read two frames down, as a data-access framework would; {@code site-skip} names this
 * package so that a report's site is the caller's line instead.
 */
public final class FileStore {
    private FileStore() {
    }

    public static int load(Path file) throws IOException {
        return readRecord(file);
    }

    private static int readRecord(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.read(new byte[64]);
        }
    }
}
