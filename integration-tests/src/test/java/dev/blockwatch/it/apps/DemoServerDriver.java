package dev.blockwatch.it.apps;

import dev.blockwatch.demo.DemoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the demo server in this JVM on a free port and drives every endpoint over loopback HTTP,
 * one request at a time: each endpoint first once with {@code ?offload=true} (which also loads the
 * classes its work needs, off the event loop), then {@link #PLAIN_REQUESTS} plain requests, each
 * followed by one more offloaded request. It prints {@code redis=} (whether /redis had a Redis
 * server), {@code failures=} (requests that did not answer 200, each also printed on its own line)
 * and {@code done=true}.
 */
public final class DemoServerDriver {
    public static final List<String> BLOCKING_ENDPOINTS =
            List.of("/file", "/socket", "/dns", "/exec", "/sleep", "/lock", "/db", "/redis");
    public static final String FAST_ENDPOINT = "/fast";
    /** Plain requests per endpoint; each of them blocks the event loop (but /fast's). */
    public static final int PLAIN_REQUESTS = 3;

    private DemoServerDriver() {
    }

    public static void main(String[] args) throws Exception {
        // First: the demo server must set up its name service before anything looks up a name.
        try (DemoServer server = DemoServer.start(0)) {
            System.out.println("redis=" + server.redisAvailable());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> endpoints = new ArrayList<>(BLOCKING_ENDPOINTS);
            endpoints.add(FAST_ENDPOINT);
            List<String> failures = new ArrayList<>();
            for (String endpoint : endpoints) {
                send(client, server, endpoint + "?offload=true", failures);
                for (int i = 0; i < PLAIN_REQUESTS; i++) {
                    send(client, server, endpoint, failures);
                    send(client, server, endpoint + "?offload=true", failures);
                }
            }
            System.out.println("failures=" + failures.size());
            failures.forEach(failure -> System.out.println("failed: " + failure));
        }
        System.out.println("done=true");
    }

    private static void send(HttpClient client, DemoServer server, String pathAndQuery, List<String> failures)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            failures.add(pathAndQuery + " answered " + response.statusCode() + ": " + response.body().strip());
        }
    }
}
