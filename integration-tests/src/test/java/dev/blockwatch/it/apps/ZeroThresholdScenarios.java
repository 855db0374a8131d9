package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Run at threshold=0, where every timed call on a watched thread is reported: a selector loop makes
 * a non-blocking SocketChannel read (nothing to read) and write, which must not be reported (nor its
 * own selects), then 1,000 one-byte reads of /dev/zero from one site, which all must be.
 */
public final class ZeroThresholdScenarios {
    public static final int REPEATED_READS = 1000;

    private ZeroThresholdScenarios() {
    }

    public static void main(String[] args) throws Exception {
        // The connection is set up on the main thread, which is not watched.
        try (ServerSocketChannel server = ServerSocketChannel.open()
                     .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel accepted = server.accept();
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            System.out.println("nonBlocking.value=" + loop.call(() -> readAndWriteWithoutBlocking(client)));
            System.out.println("received=" + accepted.read(ByteBuffer.allocate(16)));
            loop.call(() -> Outcome.here(readZeroRepeatedly())).print("repeated");
        }
    }

    /** Returns "bytes read, bytes written": 0 (nothing was sent) and 1 (the socket buffer has room). */
    static String readAndWriteWithoutBlocking(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        int read = channel.read(ByteBuffer.allocate(16));
        int written = channel.write(ByteBuffer.wrap(new byte[] {7}));
        return read + "," + written;
    }

    static int readZeroRepeatedly() throws IOException {
        int zeros = 0;
        try (FileInputStream in = new FileInputStream("/dev/zero")) {
            for (int i = 0; i < REPEATED_READS; i++) {
                if (in.read() == 0) {
                    zeros++;
                }
            }
        }
        return zeros;
    }
}
