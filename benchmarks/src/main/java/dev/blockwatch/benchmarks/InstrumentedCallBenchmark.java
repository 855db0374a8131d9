package dev.blockwatch.benchmarks;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
 * runs it in each agent configuration. The states are per thread so that their setup runs on the JMH worker
 * thread, the thread whose watched-or-not status a configuration sets.
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
    public int fileReadNothing(ZeroDevice file) throws IOException {
        return file.stream.read(file.noBytes, 0, 0);
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
    public void lockUnlock(UncontendedLock uncontended) {
        uncontended.lock.lock();
        uncontended.lock.unlock();
    }

    /** {@code Thread.sleep(0)}: the shortest sleep there is, timed like any other (the thread only yields). */
    @Benchmark
    public void sleepZero() throws InterruptedException {
        Thread.sleep(0);
    }

    /**
     * {@code /dev/zero}: every 1-byte {@code read()} is a real read(2) of one byte, with no end of file to rewind
     * from. A cached regular file goes through the same Java code, hence the same advice; its kernel path only
     * costs more (~400 ns against ~230 ns here), which widens the noise around the few nanoseconds measured.
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
