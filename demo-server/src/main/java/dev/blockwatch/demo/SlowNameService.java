package dev.blockwatch.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes every host name lookup in this JVM as slow as an uncached lookup across the network, so
 * that {@code /dns} blocks the same way on every machine: a laptop's resolver may answer from a
 * cache in a millisecond, a sandbox without network may fail at once. The JDK resolves names from a
 * hosts file instead of the system resolver when {@code jdk.net.hosts.file} names one, and reads
 * that file again on every lookup; the demo names a {@link SlowPipe}, which takes 100 ms to answer.
 * The file knows only {@code localhost}; every other name does not exist, after the wait.
 * <p>
 * The JDK reads the property once, when {@code InetAddress} initialises, so {@link #install} must
 * run before anything in the JVM uses a host name or an address. A {@code -Djdk.net.hosts.file}
 * given by the user wins: the demo then looks names up wherever that file says.
 */
final class SlowNameService {
    static final String HOSTS_FILE_PROPERTY = "jdk.net.hosts.file";
    private static final String HOSTS = "127.0.0.1 localhost\n::1 localhost\n";

    private SlowNameService() {
    }

    /** Points the JDK's resolver at a slow hosts file in {@code directory}; false when the user chose one already. */
    static boolean install(Path directory, Duration delay) throws IOException, InterruptedException {
        if (System.getProperty(HOSTS_FILE_PROPERTY) != null) {
            return false;
        }
        SlowPipe hosts = SlowPipe.create(directory.resolve("hosts"), HOSTS.getBytes(StandardCharsets.US_ASCII), delay);
        System.setProperty(HOSTS_FILE_PROPERTY, hosts.path().toString());
        return true;
    }
}
