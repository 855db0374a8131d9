package dev.blockwatch.demo;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * The Redis server behind {@code /redis}, on 127.0.0.1:6379, when one answers at start; the demo
 * runs without it, and {@code /redis} then says how to start one.
 */
final class Redis implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final String HOW_TO_START = "no Redis answers on " + HOST + ":" + PORT
            + "; start one with: redis-server --daemonize yes --port " + PORT;
    /** A list nobody pushes to, so that a BLPOP on it waits for its whole timeout. */
    static final String EMPTY_LIST = "blockwatch-demo:empty-queue";

    /** A thread-safe client (a pool of connections), shared by the event loop and the workers; null when absent. */
    private final JedisPooled client;

    private Redis(JedisPooled client) {
        this.client = client;
    }

    static Redis connectIfRunning() {
        HostAndPort address = new HostAndPort(HOST, PORT);
        try (Jedis probe = new Jedis(address, DefaultJedisClientConfig.builder().timeoutMillis(1000).build())) {
            probe.ping();
        } catch (RuntimeException e) {
            return new Redis(null);
        }
        return new Redis(new JedisPooled(HOST, PORT));
    }

    boolean available() {
        return client != null;
    }

    JedisPooled client() {
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
