package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * For each cheap call of every family, {@link #CALLS} calls in a loop from one site, long enough for
 * the JIT to compile the loop and the JDK methods it calls: each runs on its own thread named
 * {@value #THREAD}, which the test watches through {@code thread-names}. Everything a loop needs is
 * made on main beforehand. The host name looked up is in the hosts file the test names, and the
 * test turns the JDK's lookup cache off, so that every lookup reads that file.
 */
public final class CheapCallsScenarios {
    public static final int CALLS = 200_000;
    public static final String THREAD = "cheap-calls";
    public static final String HOST_NAME = "cheap.blockwatch.test";

    private CheapCallsScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path oneByte = Files.write(Path.of("one-byte.bin").toAbsolutePath(), new byte[] {1});
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        // The JVM's first lookup also reads the JDK's settings (DnsCallsTest covers that); here only counts matter.
        InetAddress.getByName(HOST_NAME);
        try (FileInputStream zeros = new FileInputStream("/dev/zero");
             FileChannel channel = FileChannel.open(oneByte);
             LocalPeer streamPeer = LocalPeer.sending(CALLS);
             Socket socket = streamPeer.connect();
             LocalPeer channelPeer = LocalPeer.sending(CALLS);
             SocketChannel socketChannel = SocketChannel.open(
                     new InetSocketAddress(LocalPeer.loopback(), channelPeer.port()));
             DatagramChannel receiver = boundDatagramChannel();
             DatagramChannel sender = boundDatagramChannel()) {
            InputStream socketIn = socket.getInputStream();
            SocketAddress target = receiver.getLocalAddress();
            run("readFileStreamByte", () -> readFileStreamByte(zeros));
            run("readFileChannelByte", () -> readFileChannelByte(channel));
            run("readSocketByte", () -> readSocketByte(socketIn));
            run("readSocketChannelByte", () -> readSocketChannelByte(socketChannel));
            run("sendDatagram", () -> sendDatagram(sender, target));
            run("sleepZero", CheapCallsScenarios::sleepZero);
            run("parkBriefly", CheapCallsScenarios::parkBriefly);
            run("waitForFinishedProcess", () -> waitForFinishedProcess(finished));
            run("lookUpName", CheapCallsScenarios::lookUpName);
        }
    }

    private static void run(String scenario, Callable<Integer> calls) throws Exception {
        Outcome.onNewThread(THREAD, calls).print(scenario);
    }

    /** Each scenario returns how many of its calls did what they should, {@link #CALLS} when all did. */
    static int readFileStreamByte(FileInputStream zeros) throws IOException {
        int read = 0;
        for (int i = 0; i < CALLS; i++) {
            read += zeros.read() + 1; // /dev/zero gives 0
        }
        return read;
    }

    static int readFileChannelByte(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1);
        int read = 0;
        for (int i = 0; i < CALLS; i++) {
            buffer.clear();
            read += channel.read(buffer, 0);
        }
        return read;
    }

    static int readSocketByte(InputStream in) throws IOException {
        int read = 0;
        for (int i = 0; i < CALLS; i++) {
            read += in.read() == LocalPeer.ANSWER ? 1 : 0;
        }
        return read;
    }

    static int readSocketChannelByte(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1);
        int read = 0;
        for (int i = 0; i < CALLS; i++) {
            buffer.clear();
            read += channel.read(buffer);
        }
        return read;
    }

    static int sendDatagram(DatagramChannel sender, SocketAddress target) throws IOException {
        ByteBuffer datagram = ByteBuffer.allocate(1);
        int sent = 0;
        for (int i = 0; i < CALLS; i++) {
            datagram.clear();
            sent += sender.send(datagram, target);
        }
        return sent;
    }

    static int sleepZero() throws InterruptedException {
        for (int i = 0; i < CALLS; i++) {
            Thread.sleep(0);
        }
        return CALLS;
    }

    /**
     * Each park finds the permit given just before and returns at once: a park of 1 µs that really
     * waits takes about 75 µs here (the kernel's timer slack), 15 s for all of them.
     */
    static int parkBriefly() {
        Thread current = Thread.currentThread();
        for (int i = 0; i < CALLS; i++) {
            LockSupport.unpark(current);
            LockSupport.parkNanos(1000);
        }
        return CALLS;
    }

    static int waitForFinishedProcess(Process finished) throws InterruptedException {
        int exited = 0;
        for (int i = 0; i < CALLS; i++) {
            exited += finished.waitFor() == 0 ? 1 : 0;
        }
        return exited;
    }

    static int lookUpName() throws IOException {
        int found = 0;
        for (int i = 0; i < CALLS; i++) {
            found += InetAddress.getByName(HOST_NAME).isLoopbackAddress() ? 1 : 0;
        }
        return found;
    }

    private static DatagramChannel boundDatagramChannel() throws IOException {
        return DatagramChannel.open().bind(new InetSocketAddress(LocalPeer.loopback(), 0));
    }
}
