package dev.blockwatch.benchmarks;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load on loopback: a few keep-alive connections, one thread each, each sending its next
 * {@code GET} as soon as the last was answered, through a warm-up and then a measured window, timing every request
 * of the window from its first byte written to the last byte of the response read. Bounded in time (the window, and
 * a socket timeout for a server that stops answering) and in count ({@link #MAX_REQUESTS_PER_CONNECTION}).
 */
final class HttpLoad {
    /** About a hundred times what one connection is answered in a run here: reaching it means something is wrong. */
    static final long MAX_REQUESTS_PER_CONNECTION = 10_000_000;
    private static final int SOCKET_TIMEOUT_MILLIS = 5000;

    private final List<Thread> threads = new ArrayList<>();
    private final List<LatencyHistogram> histograms = new ArrayList<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final long measureStart;
    private final long measureEnd;

    /** The requests of the measured window: how many, per second, and how long each took. */
    record Result(double requestsPerSecond, LatencyHistogram latencies) {
    }

    private HttpLoad(long measureStart, long measureEnd) {
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
    }

    /** Connects and starts sending; the measured window begins {@code warmupNanos} from now. */
    static HttpLoad start(int port, String path, int connections, long warmupNanos, long measureNanos) {
        long now = System.nanoTime();
        HttpLoad load = new HttpLoad(now + warmupNanos, now + warmupNanos + measureNanos);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i <= connections; i++) {
            LatencyHistogram histogram = new LatencyHistogram();
            String name = "http-load-" + i;
            Thread thread = new Thread(() -> load.send(port, request, histogram, name), name);
            thread.setDaemon(true);
            load.histograms.add(histogram);
            load.threads.add(thread);
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    long measureStart() {
        return measureStart;
    }

    long measureEnd() {
        return measureEnd;
    }

    /** Waits for every connection to finish its last request of the window. */
    Result await() throws InterruptedException {
        long deadline = measureEnd + TimeUnit.MILLISECONDS.toNanos(2L * SOCKET_TIMEOUT_MILLIS);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " still waits for an answer "
                        + SOCKET_TIMEOUT_MILLIS * 2 / 1000 + " s after the end of the load");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        LatencyHistogram all = new LatencyHistogram();
        histograms.forEach(all::add);
        if (all.count() == 0) {
            throw new IllegalStateException("no request was answered in the measured window");
        }
        return new Result(all.count() / ((measureEnd - measureStart) / 1e9), all);
    }

    /** One connection's loop: requests back to back until the window ends, another connection fails, or the cap. */
    private void send(int port, byte[] request, LatencyHistogram histogram, String name) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            ResponseReader in = new ResponseReader(socket.getInputStream());
            for (long sent = 0; failure.get() == null; sent++) {
                if (sent == MAX_REQUESTS_PER_CONNECTION) {
                    throw new IOException("reached its cap of " + MAX_REQUESTS_PER_CONNECTION + " requests");
                }
                long start = System.nanoTime();
                if (start >= measureEnd) {
                    return;
                }
                out.write(request);
                in.readOkResponse();
                long end = System.nanoTime();
                // a request counts when all of it falls in the window, so the count matches the window's length
                if (start >= measureStart && end <= measureEnd) {
                    histogram.record(end - start);
                }
            }
        } catch (IOException e) {
            failure.compareAndSet(null, name + " to 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    /** Reads one response at a time off a keep-alive connection, by its Content-Length. */
    private static final class ResponseReader {
        private static final String CONTENT_LENGTH = "content-length:";
        private final InputStream in;
        private final StringBuilder line = new StringBuilder();

        ResponseReader(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        void readOkResponse() throws IOException {
            String status = readLine();
            if (!status.startsWith("HTTP/1.1 200 ")) {
                throw new IOException("the server answered '" + status + "', not 200");
            }
            int length = -1;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                if (header.regionMatches(true, 0, CONTENT_LENGTH, 0, CONTENT_LENGTH.length())) {
                    length = contentLength(header);
                }
            }
            if (length < 0) {
                throw new IOException("a response without Content-Length, which keep-alive needs");
            }
            in.skipNBytes(length);
        }

        private static int contentLength(String header) throws IOException {
            try {
                return Integer.parseInt(header.substring(CONTENT_LENGTH.length()).trim());
            } catch (NumberFormatException e) {
                throw new IOException("the server answered a bad '" + header + "'");
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
