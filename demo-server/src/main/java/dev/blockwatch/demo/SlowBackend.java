package dev.blockwatch.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A slow backend service on 127.0.0.1 (a plain blocking {@link ServerSocket} on its own thread): it
 * answers every connection with one line after a delay, as a remote service under load would.
 * Its own threads are not event loops, so its waits are not blockwatch's business.
 */
final class SlowBackend implements AutoCloseable {
    static final String ANSWER = "backend says hello";

    private final ServerSocket server;
    private final Duration delay;

    SlowBackend(Duration delay) throws IOException {
        this.delay = delay;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptConnections, "slow-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread answerer = new Thread(() -> answerLate(connection), "slow-backend-connection");
                answerer.setDaemon(true);
                answerer.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                System.err.println("slow backend: " + e);
            }
        }
    }

    private void answerLate(Socket connection) {
        try (connection) {
            Thread.sleep(delay.toMillis());
            OutputStream out = connection.getOutputStream();
            out.write((ANSWER + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client gave up; nothing to answer
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
