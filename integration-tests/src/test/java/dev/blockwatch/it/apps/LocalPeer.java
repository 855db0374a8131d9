package dev.blockwatch.it.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;

/**
 * A TCP peer on 127.0.0.1, served by its own (unwatched) thread, that answers every connection in a
 * fixed way: one byte after a delay, so that a read from it blocks that long, or a reset.
 */
public final class LocalPeer implements AutoCloseable {
    /** The byte every answering peer sends. */
    public static final int ANSWER = 42;
    /** 127.0.0.1 without a host name, so that a report names the peer by its IP literal. */
    private static final InetAddress LOOPBACK = loopback();

    private final ServerSocket server;

    private LocalPeer(ConnectionHandler handler) throws IOException {
        server = new ServerSocket(0, 50, LOOPBACK);
        Thread acceptor = new Thread(() -> serve(handler), "local-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A peer that writes {@link #ANSWER} after the delay, then closes the connection. */
    public static LocalPeer answeringAfter(Duration delay) throws IOException {
        return new LocalPeer(connection -> {
            Thread.sleep(delay.toMillis());
            OutputStream out = connection.getOutputStream();
            out.write(ANSWER);
            out.flush();
        });
    }

    /** A peer that writes {@code count} bytes of {@link #ANSWER} at once, then closes the connection. */
    public static LocalPeer sending(int count) throws IOException {
        byte[] answers = new byte[count];
        Arrays.fill(answers, (byte) ANSWER);
        return new LocalPeer(connection -> {
            OutputStream out = connection.getOutputStream();
            out.write(answers);
            out.flush();
        });
    }

    /**
     * A peer that resets each connection (SO_LINGER 0, then close) once it has received one byte:
     * waiting for that byte makes sure the client's connect completed before the reset.
     */
    public static LocalPeer resettingAfterOneByte() throws IOException {
        return new LocalPeer(connection -> {
            connection.getInputStream().read();
            connection.setSoLinger(true, 0);
        });
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The peer as a report's detail names it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** A connected socket; the reads on it are the caller's own, so that the caller is the report's site. */
    public Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LOOPBACK, port()), 5000);
        return socket;
    }

    private void serve(ConnectionHandler handler) {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                handler.handle(connection);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** 127.0.0.1 without a host name: a peer bound to it is named by its IP literal in a report. */
    public static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface ConnectionHandler {
        void handle(Socket connection) throws IOException, InterruptedException;
    }
}
