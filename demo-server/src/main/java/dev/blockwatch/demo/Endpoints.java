package dev.blockwatch.demo;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import redis.clients.jedis.util.KeyValue;

/**
 * The work behind each endpoint, one method each, every one blocking the thread that runs it in one
 * way (but {@link #fast}). {@link HttpHandler} runs them on the event loop, which is the bug
 * blockwatch reports, or with {@code ?offload=true} on the worker pool, which is the fix. Each
 * blocking call is made right here, not in a helper, so that the method is the call's {@code site}
 * in blockwatch's report.
 */
final class Endpoints {
    /** How long each slow thing the demo talks to takes to answer. */
    static final Duration SLOW = Duration.ofMillis(100);

    private final Path dataFile;
    private final Path backupFile;
    private final SlowBackend backend;
    private final ReloadingCache cache;
    private final Database database;
    private final Redis redis;
    private final AtomicLong lookups = new AtomicLong();

    Endpoints(Path dataFile, Path backupFile, SlowBackend backend, ReloadingCache cache, Database database,
              Redis redis) {
        this.dataFile = dataFile;
        this.backupFile = backupFile;
        this.backend = backend;
        this.cache = cache;
        this.database = database;
        this.redis = redis;
    }

    /** {@code /file}: reads a data file from a slow disk. */
    Reply readFile() throws IOException {
        byte[] data = Files.readAllBytes(dataFile);
        return Reply.ok("read " + data.length + " bytes from " + dataFile);
    }

    /** {@code /socket}: asks a slow backend service for one line, over a blocking socket. */
    Reply callBackend() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), backend.port());
             BufferedReader in = new BufferedReader(
                     new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            return Reply.ok("backend answered: " + in.readLine());
        }
    }

    /** {@code /dns}: looks up a host name nobody looked up before, so no cache can answer. */
    Reply lookUpHost() {
        String name = "blockwatch-demo-" + lookups.incrementAndGet() + ".invalid";
        try {
            return Reply.ok(name + " is " + InetAddress.getByName(name).getHostAddress());
        } catch (UnknownHostException e) {
            return Reply.ok(name + " does not exist (it took a lookup to find out)");
        }
    }

    /** {@code /exec}: backs up the data file with {@code cp}, waiting for it: the classic stalled loop. */
    Reply runBackup() throws IOException, InterruptedException {
        Process cp = new ProcessBuilder("cp", dataFile.toString(), backupFile.toString()).inheritIO().start();
        int exitCode = cp.waitFor();
        if (exitCode != 0) {
            return new Reply(HttpResponseStatus.INTERNAL_SERVER_ERROR, "cp failed with exit code " + exitCode);
        }
        return Reply.ok("backed up " + dataFile + " to " + backupFile);
    }

    /** {@code /sleep}: the "wait a bit and retry" that should have been a scheduled task. */
    Reply sleep() throws InterruptedException {
        Thread.sleep(SLOW.toMillis());
        return Reply.ok("slept " + SLOW.toMillis() + " ms");
    }

    /** {@code /lock}: reads the cache under its lock while a reload holds it. */
    Reply readCacheUnderLock() {
        cache.startReload();
        ReentrantLock lock = cache.lock();
        lock.lock(); // waits for the reload to finish
        try {
            return Reply.ok("cache " + cache.value());
        } finally {
            lock.unlock();
        }
    }

    /** {@code /db}: runs a slow statement through JDBC. */
    Reply queryDatabase() throws SQLException {
        try (Statement statement = database.connection().createStatement()) {
            statement.execute(database.slowStatement());
        }
        return Reply.ok("ran " + database.slowStatement() + " on " + database.description());
    }

    /** {@code /redis}: waits on an empty Redis list with BLPOP (timeout 0.1 s), as a job queue consumer does. */
    Reply popFromRedis() {
        if (!redis.available()) {
            return new Reply(HttpResponseStatus.SERVICE_UNAVAILABLE, Redis.HOW_TO_START);
        }
        KeyValue<String, String> popped = redis.client().blpop(SLOW.toMillis() / 1000.0, Redis.EMPTY_LIST);
        return Reply.ok(popped == null ? "BLPOP " + Redis.EMPTY_LIST + " timed out, the list is empty"
                : "BLPOP " + Redis.EMPTY_LIST + " popped " + popped.getValue());
    }

    /** {@code /fast}: answers at once; blockwatch must say nothing about it. */
    Reply fast() {
        return Reply.ok("fast");
    }
}
