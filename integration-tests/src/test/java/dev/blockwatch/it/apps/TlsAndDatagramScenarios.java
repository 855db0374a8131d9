package dev.blockwatch.it.apps;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The socket calls of the issue beyond TCP streams, on a selector loop, each blocking about 150 ms:
 * TLS handshakes with a server that delays its side (started explicitly, and implicitly by the
 * first write and by the first read), and blocking datagram receives answered by a sender 150 ms
 * later, through DatagramChannel and DatagramSocket. The argument is the test's PKCS12 key store,
 * whose password is {@link #KEY_STORE_PASSWORD}.
 */
public final class TlsAndDatagramScenarios {
    public static final String KEY_STORE_PASSWORD = "blockwatch";
    public static final Duration DELAY = Duration.ofMillis(150);

    private TlsAndDatagramScenarios() {
    }

    public static void main(String[] args) throws Exception {
        SSLContext client = SlowTlsServer.trustingClientContext();
        try (SlowTlsServer server = new SlowTlsServer(Path.of(args[0]), KEY_STORE_PASSWORD.toCharArray(), DELAY);
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            System.out.println("tls.peer=127.0.0.1:" + server.port());
            // The first handshake of a JVM also loads and initializes the TLS stack: do it where nothing is watched.
            handshakeExplicitly(client, server);
            loop.call(() -> Outcome.here(handshakeExplicitly(client, server))).print("handshakeExplicitly");
            loop.call(() -> Outcome.here(handshakeOnFirstWrite(client, server))).print("handshakeOnFirstWrite");
            loop.call(() -> Outcome.here(handshakeOnFirstRead(client, server))).print("handshakeOnFirstRead");

            try (DatagramChannel receiver = boundChannel(); DatagramChannel sender = boundChannel()) {
                System.out.println("receiveOnChannel.sender=" + address(sender.getLocalAddress()));
                sendAfterDelay(sender, receiver.getLocalAddress());
                loop.call(() -> Outcome.here(receiveOnChannel(receiver))).print("receiveOnChannel");
            }
            try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(LocalPeer.loopback(), 0));
                 DatagramChannel sender = boundChannel()) {
                System.out.println("receiveOnSocket.sender=" + address(sender.getLocalAddress()));
                sendAfterDelay(sender, receiver.getLocalSocketAddress());
                loop.call(() -> Outcome.here(receiveOnSocket(receiver))).print("receiveOnSocket");
            }
        }
    }

    static String handshakeExplicitly(SSLContext context, SlowTlsServer server) throws IOException {
        try (SSLSocket socket = connect(context, server)) {
            socket.startHandshake();
            return socket.getSession().getProtocol().startsWith("TLS") ? "handshaken" : "no TLS session";
        }
    }

    static String handshakeOnFirstWrite(SSLContext context, SlowTlsServer server) throws IOException {
        try (SSLSocket socket = connect(context, server)) {
            socket.getOutputStream().write(1);
            return "written";
        }
    }

    static int handshakeOnFirstRead(SSLContext context, SlowTlsServer server) throws IOException {
        try (SSLSocket socket = connect(context, server)) {
            return socket.getInputStream().read(); // the server answers at once after the handshake
        }
    }

    static int receiveOnChannel(DatagramChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        channel.receive(buffer);
        return buffer.flip().get();
    }

    static int receiveOnSocket(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[16], 16);
        socket.receive(packet);
        return packet.getData()[0];
    }

    /** Connected by address, not by name, so that a report names the server by its IP literal. */
    private static SSLSocket connect(SSLContext context, SlowTlsServer server) throws IOException {
        return (SSLSocket) context.getSocketFactory().createSocket(server.address(), server.port());
    }

    private static DatagramChannel boundChannel() throws IOException {
        return DatagramChannel.open().bind(new InetSocketAddress(LocalPeer.loopback(), 0));
    }

    /** Sends one datagram holding {@link LocalPeer#ANSWER} after {@link #DELAY}, from a plain thread. */
    private static void sendAfterDelay(DatagramChannel sender, SocketAddress target) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(DELAY.toMillis());
                sender.send(ByteBuffer.wrap(new byte[] {LocalPeer.ANSWER}), target);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not send the datagram", e);
            }
        }, "datagram-sender");
        thread.setDaemon(true);
        thread.start();
    }

    private static String address(SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
}
