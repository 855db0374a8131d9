package dev.blockwatch.it.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS server on 127.0.0.1, served by its own (unwatched) thread, that answers each connection's
 * handshake only after a delay, so that the client's handshake blocks that long; after the
 * handshake it sends {@link LocalPeer#ANSWER} and reads until the client closes. Its key pair is
 * the one the test made with keytool in a PKCS12 key store.
 */
public final class SlowTlsServer implements AutoCloseable {
    private static final InetAddress LOOPBACK = LocalPeer.loopback();

    private final SSLServerSocket server;
    private final Duration delay;

    public SlowTlsServer(Path keyStore, char[] password, Duration delay) throws IOException, GeneralSecurityException {
        this.delay = delay;
        server = (SSLServerSocket) serverContext(keyStore, password).getServerSocketFactory()
                .createServerSocket(0, 50, LOOPBACK);
        Thread acceptor = new Thread(this::serve, "slow-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A client context that trusts any server: the test's self-signed certificate included. */
    public static SSLContext trustingClientContext() throws GeneralSecurityException {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }

    public InetAddress address() {
        return LOOPBACK;
    }

    public int port() {
        return server.getLocalPort();
    }

    private static SSLContext serverContext(Path keyStore, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (SSLSocket connection = (SSLSocket) server.accept()) {
                answer(connection);
            } catch (IOException e) {
                // The server is closed, or a client went away: what each client saw, the client reports.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void answer(SSLSocket connection) throws IOException, InterruptedException {
        Thread.sleep(delay.toMillis());
        connection.startHandshake();
        OutputStream out = connection.getOutputStream();
        out.write(LocalPeer.ANSWER);
        out.flush();
        InputStream in = connection.getInputStream();
        while (in.read() >= 0) {
            // reads until the client closes
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
