package dev.blockwatch.benchmarks;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One JDK call per operation, the same code with and without the agent: calls the agent instruments, and an
 * uncontended lock, which it must leave as fast as it was (only a lock that parks is a wait); {@link BenchmarkTable}
 * runs it in each configuration. The states are per thread so that their setup runs on the JMH worker thread, the
 * thread whose watched-or-not status a configuration sets. The calls with peer rows take the {@link Peer} state,
 * which installs the peer in those rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InstrumentedCallBenchmark {

    /** A 1-byte {@code FileInputStream.read()} of {@code /dev/zero}. */
    @Benchmark
    public int fileRead(ZeroDevice file) throws IOException {
        return file.stream.read();
    }

    /**
     * A 0-byte {@code FileInputStream.read(byte[], int, int)} of {@code /dev/zero}: the JDK returns 0 before any
     * system call. Advice of the same kind as on {@link #fileRead}, measured against far less noise.
     */
    @Benchmark
    public int fileReadNothing(ZeroDevice file, Peer peer) throws IOException {
        return file.stream.read(file.noBytes, 0, 0);
    }

    /** A 1-byte {@code FileInputStream.read()} of a regular file that the page cache holds. */
    @Benchmark
    public int cachedFileRead(CachedFile file, Peer peer) throws IOException {
        return file.stream.read();
    }

    /**
     * A 1-byte read of a blocking {@code java.net.Socket}'s input stream, with data already waiting, so it never
     * waits. Into an array of its own: {@code read()} allocates a 1-byte array per call in the JDK, which the JIT
     * may or may not eliminate depending on how large advice makes the method.
     */
    @Benchmark
    public int socketRead(WaitingData connection, Peer peer) throws IOException {
        return connection.input.read(connection.oneByte, 0, 1);
    }

    /** A non-blocking {@code SocketChannel.read} with nothing to read: returns 0, as an idle NIO loop sees. */
    @Benchmark
    public int socketChannelRead(IdleConnection connection) throws IOException {
        return connection.loopback.client.read(connection.readBuffer);
    }

    /**
     * A non-blocking {@code SocketChannel.read} into a buffer with no room: the JDK takes its locks and returns 0
     * before any system call. The same advice as {@link #socketChannelRead}, measured against far less noise.
     */
    @Benchmark
    public int socketChannelReadNoRoom(IdleConnection connection) throws IOException {
        return connection.loopback.client.read(connection.emptyBuffer);
    }

    /** A non-blocking 1-byte {@code SocketChannel.write} that the kernel accepts at once. */
    @Benchmark
    public int socketChannelWrite(DrainedConnection connection) throws IOException {
        connection.writeBuffer.clear();
        return connection.loopback.client.write(connection.writeBuffer);
    }

    /**
     * A non-blocking {@code SocketChannel.write} of nothing: the JDK takes its locks and returns 0 before any
     * system call. The same advice as {@link #socketChannelWrite}, measured against far less noise.
     */
    @Benchmark
    public int socketChannelWriteNothing(IdleConnection connection) throws IOException {
        return connection.loopback.client.write(connection.emptyBuffer);
    }

    /**
     * An uncontended {@code ReentrantLock}: one compare-and-set each way, never {@code LockSupport.park}, so none of
     * the {@code wait} family's advice runs.
     */
    @Benchmark
    public void lockUnlock(UncontendedLock uncontended, Peer peer) {
        uncontended.lock.lock();
        uncontended.lock.unlock();
    }

    /** {@code Thread.sleep(0)}: the shortest sleep there is, timed like any other (the thread only yields). */
    @Benchmark
    public void sleepZero(Peer peer) throws InterruptedException {
        Thread.sleep(0);
    }

    /**
     * {@code /dev/zero}: every 1-byte {@code read()} is a real read(2) of one byte, with no end of file to rewind
     * from. A cached regular file ({@link CachedFile}) goes through the same Java code, hence the same advice; its
     * kernel path only costs more (~400 ns against ~230 ns here), which widens the noise around the few nanoseconds
     * measured.
     */
    @State(Scope.Thread)
    public static class ZeroDevice {
        FileInputStream stream;
        final byte[] noBytes = new byte[0];

        @Setup(Level.Trial)
        public void open() throws IOException {
            stream = new FileInputStream("/dev/zero");
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            stream.close();
        }
    }

    /**
     * A regular file of zeros, written and synced before the first call so that its pages are cached and clean (no
     * write-back while calls are timed), and rewound before every iteration. One of BenchmarkTable's 0.4 s
     * iterations reads about a million of its 8 MB; the check after each makes sure none reached the end, where a
     * read returns -1 having copied nothing.
     */
    @State(Scope.Thread)
    public static class CachedFile {
        private static final int SIZE = 8 << 20;
        FileInputStream stream;

        @Setup(Level.Trial)
        public void create() throws IOException {
            Path path = Files.createTempFile("blockwatch-benchmark-", ".bin");
            try (FileChannel file = FileChannel.open(path, StandardOpenOption.WRITE)) {
                ByteBuffer zeros = ByteBuffer.allocateDirect(64 << 10);
                while (file.size() < SIZE) {
                    file.write(zeros.clear());
                }
                file.force(true);
            }
            stream = new FileInputStream(path.toFile());
            // the open stream keeps the file and its cached pages, and a JVM that dies leaves no file behind
            Files.delete(path);
        }

        @Setup(Level.Iteration)
        public void rewind() throws IOException {
            stream.getChannel().position(0);
        }

        @TearDown(Level.Iteration)
        public void checkNotAtEnd() throws IOException {
            if (stream.getChannel().position() >= SIZE) {
                throw new IllegalStateException("an iteration read all " + SIZE + " bytes of the cached file, so "
                        + "later reads returned -1 at its end: use shorter iterations");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            stream.close();
        }
    }

    /**
     * A connected loopback pair: the client a blocking {@code java.net.Socket}, its peer a non-blocking channel that
     * fills the connection until it takes no more before each iteration. The client's receive buffer is asked for
     * 4 MB, which holds about 8 MB of waiting data here; a 0.4 s iteration reads about 1 MB, one byte a call. Data only
     * leaves the connection during an iteration, so data still waiting after it (checked) means no read waited. Were
     * the data to run out, the next read would wait forever: a watchdog then closes the peer's side, the reads return
     * -1 at once, and the check fails the run.
     */
    @State(Scope.Thread)
    public static class WaitingData {
        private static final int RECEIVE_BUFFER = 4 << 20;
        private static final long WATCHDOG_SECONDS = 60;
        private Socket client;
        private SocketChannel peer;
        private ScheduledExecutorService watchdog;
        private ScheduledFuture<?> dryConnectionCheck;
        private final ByteBuffer chunk = ByteBuffer.allocateDirect(64 << 10);
        InputStream input;
        final byte[] oneByte = new byte[1];

        @Setup(Level.Trial)
        public void open() throws IOException {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                client = new Socket();
                // before connecting, so that the window scale negotiated allows the whole buffer
                client.setReceiveBufferSize(RECEIVE_BUFFER);
                client.connect(server.getLocalAddress());
                peer = server.accept();
            }
            peer.configureBlocking(false);
            input = client.getInputStream();
            watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "socket-read-watchdog");
                thread.setDaemon(true);
                return thread;
            });
        }

        @Setup(Level.Iteration)
        public void fill() throws IOException {
            int written;
            do {
                chunk.clear();
                written = peer.write(chunk);
            } while (written > 0);
            dryConnectionCheck = watchdog.schedule(this::endStream, WATCHDOG_SECONDS, TimeUnit.SECONDS);
        }

        @TearDown(Level.Iteration)
        public void checkDataStillWaiting() throws IOException {
            dryConnectionCheck.cancel(false);
            if (input.available() == 0) {
                throw new IllegalStateException("the data waiting on the socket ran out during an iteration, so "
                        + "reads waited for more: use shorter iterations");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            watchdog.shutdownNow();
            client.close();
            peer.close();
        }

        private void endStream() {
            try {
                peer.shutdownOutput();
            } catch (IOException e) {
                // the peer is closed already: the reads fail, which fails the run as well
            }
        }
    }

    /** A lock that only the JMH worker takes. */
    @State(Scope.Thread)
    public static class UncontendedLock {
        final ReentrantLock lock = new ReentrantLock();
    }

    /** A connected loopback pair whose peer never writes, so the client's non-blocking reads find nothing. */
    @State(Scope.Thread)
    public static class IdleConnection {
        LoopbackConnection loopback;
        final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1);
        final ByteBuffer emptyBuffer = ByteBuffer.allocateDirect(0);

        @Setup(Level.Trial)
        public void open() throws IOException {
            loopback = new LoopbackConnection();
        }

        @TearDown(Level.Iteration)
        public void checkNothingRead() {
            // a full buffer would make read() return 0 without a system call
            if (readBuffer.position() != 0) {
                throw new IllegalStateException("the idle channel received data");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            loopback.close();
        }
    }

    /**
     * A connected loopback pair whose peer is drained before each iteration. Here about 4 MB of 1-byte
     * writes fit in the socket buffers before write() returns 0, and one of BenchmarkTable's 0.4 s iterations
     * writes under 1 MB, so every write of an iteration is accepted; the check after each iteration makes sure.
     */
    @State(Scope.Thread)
    public static class DrainedConnection {
        LoopbackConnection loopback;
        final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(1);
        private final ByteBuffer drainBuffer = ByteBuffer.allocateDirect(1 << 20);

        @Setup(Level.Trial)
        public void open() throws IOException {
            loopback = new LoopbackConnection();
        }

        @Setup(Level.Iteration)
        public void drainPeer() throws IOException {
            int read;
            do {
                drainBuffer.clear();
                read = loopback.peer.read(drainBuffer);
            } while (read > 0);
        }

        @TearDown(Level.Iteration)
        public void checkStillWritable() throws IOException {
            // the buffers only fill during an iteration: if this write is accepted, so were the earlier ones
            writeBuffer.clear();
            if (loopback.client.write(writeBuffer) != 1) {
                throw new IllegalStateException("the socket buffers filled up during the iteration, so writes "
                        + "returned 0 without sending: use shorter iterations");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            loopback.close();
        }
    }

    /** A client channel in non-blocking mode, set up as Netty sets its channels up, and its accepted peer. */
    static final class LoopbackConnection {
        final SocketChannel client;
        final SocketChannel peer;

        LoopbackConnection() throws IOException {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                client = SocketChannel.open(server.getLocalAddress());
                peer = server.accept();
            }
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.configureBlocking(false);
            peer.configureBlocking(false);
        }

        void close() throws IOException {
            client.close();
            peer.close();
        }
    }
}
