package dev.blockwatch.demo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The demo: a Netty HTTP/1.1 server on 127.0.0.1 with ONE event loop thread, whose endpoints block
 * that loop on purpose, each in one way ({@code /file}, {@code /socket}, {@code /dns}, {@code /exec},
 * {@code /sleep}, {@code /lock}, {@code /db}, {@code /redis}), and {@code /fast}, which does not.
 * With {@code ?offload=true} an endpoint does the same work on a worker pool ({@code demo-worker-N}):
 * the fix, which blockwatch must stay silent about.
 * <p>
 * {@code java -javaagent:blockwatch-agent.jar=threshold=20ms -jar blockwatch-demo-server.jar [port]}
 * prints {@code listening on <port>} (port 0, the default, picks a free one) and serves until it is
 * killed or its standard input closes.
 */
public final class DemoServer implements AutoCloseable {
    /** The one event loop thread's name starts with this. */
    public static final String EVENT_LOOP_THREAD_PREFIX = "demo-event-loop";
    /** Worker threads are named this followed by a number. */
    public static final String WORKER_THREAD_PREFIX = "demo-worker-";
    private static final int WORKERS = 4;
    private static final int DATA_FILE_BYTES = 256 * 1024;
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final Path workDirectory;
    private final SlowBackend backend;
    private final ReloadingCache cache;
    private final Database database;
    private final Redis redis;
    private final ExecutorService workers;
    private final EventLoopGroup eventLoop;
    private final Channel serverChannel;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoServer(Path workDirectory, SlowBackend backend, ReloadingCache cache, Database database, Redis redis,
                       ExecutorService workers, EventLoopGroup eventLoop, Channel serverChannel) {
        this.workDirectory = workDirectory;
        this.backend = backend;
        this.cache = cache;
        this.database = database;
        this.redis = redis;
        this.workers = workers;
        this.eventLoop = eventLoop;
        this.serverChannel = serverChannel;
    }

    /**
     * Starts everything the endpoints talk to, then the server on 127.0.0.1:{@code port} (0: a free
     * port). Call it before anything else in the JVM uses a host name (see {@link SlowNameService}).
     */
    public static DemoServer start(int port) throws Exception {
        Path workDirectory = Files.createTempDirectory("blockwatch-demo-");
        SlowNameService.install(workDirectory, Endpoints.SLOW);
        SlowPipe dataFile = SlowPipe.create(workDirectory.resolve("data.bin"), new byte[DATA_FILE_BYTES],
                Endpoints.SLOW);
        SlowBackend backend = new SlowBackend(Endpoints.SLOW);
        ReloadingCache cache = new ReloadingCache(Endpoints.SLOW);
        Database database = Database.open();
        Redis redis = Redis.connectIfRunning();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, namedDaemonThreads(WORKER_THREAD_PREFIX));
        Endpoints endpoints = new Endpoints(dataFile.path(), workDirectory.resolve("data.bin.backup"), backend, cache,
                database, redis);
        HttpHandler handler = new HttpHandler(endpoints, workers);

        // One thread accepts connections and serves them all: every blocking call stalls every client.
        EventLoopGroup eventLoop = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory(EVENT_LOOP_THREAD_PREFIX), NioIoHandler.newFactory());
        Channel serverChannel = new ServerBootstrap()
                .group(eventLoop)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                handler);
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .sync()
                .channel();
        return new DemoServer(workDirectory, backend, cache, database, redis, workers, eventLoop, serverChannel);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Whether {@code /redis} has a Redis server to talk to. */
    public boolean redisAvailable() {
        return redis.available();
    }

    /** Which database {@code /db} queries. */
    public String databaseDescription() {
        return database.description();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        DemoServer server = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "demo-shutdown"));
        System.out.println("database: " + server.databaseDescription());
        System.out.println("redis: " + (server.redisAvailable() ? "127.0.0.1:" + Redis.PORT : Redis.HOW_TO_START));
        System.out.println("endpoints: /file /socket /dns /exec /sleep /lock /db /redis /fast"
                + " (add ?offload=true to run one on the worker pool)");
        System.out.println("listening on " + server.port());
        System.out.flush();
        // Serve until standard input closes (or the process is killed).
        while (System.in.read() != -1) {
            // ignore input
        }
        server.close();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        eventLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
        cache.close();
        redis.close();
        try {
            database.close();
        } catch (Exception e) {
            System.err.println("demo server: closing the database: " + e);
        }
        try {
            backend.close();
            deleteRecursively(workDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static ThreadFactory namedDaemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
