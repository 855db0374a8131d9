package dev.blockwatch.benchmarks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark methods of every {@link Suite}, with the added cost that issues 2, 3, 4 and 8 allow blockwatch on
 * each, and the peers measured beside it.
 */
enum MeasuredCall {
    FILE_READ(Suite.JDK, "fileRead", "FileInputStream.read(), 1 byte of /dev/zero", nanos(5), nanos(10),
            PeerRows.none()),
    /** The file read whose check all three tools make with the least noise around it: no system call. */
    FILE_READ_NOTHING(Suite.JDK, "fileReadNothing", "FileInputStream.read(b, 0, 0) (no syscall)",
            nanos(5), nanos(10), PeerRows.blockHoundAndJfr()),
    CACHED_FILE_READ(Suite.JDK, "cachedFileRead", "FileInputStream.read(), 1 byte of a cached file",
            nanos(5), nanos(10), PeerRows.blockHoundAndJfr()),
    SOCKET_READ(Suite.JDK, "socketRead", "Socket read, 1 byte, blocking, data waiting", nanos(5), nanos(10),
            PeerRows.blockHoundAndJfr()),
    SOCKET_CHANNEL_READ(Suite.JDK, "socketChannelRead", "SocketChannel.read, non-blocking, nothing to read",
            none(), nanos(5), PeerRows.none()),
    SOCKET_CHANNEL_READ_NO_ROOM(Suite.JDK, "socketChannelReadNoRoom",
            "SocketChannel.read, non-blocking, no room (no syscall)", none(), nanos(5), PeerRows.none()),
    SOCKET_CHANNEL_WRITE(Suite.JDK, "socketChannelWrite", "SocketChannel.write, non-blocking, 1 byte",
            none(), nanos(5), PeerRows.none()),
    SOCKET_CHANNEL_WRITE_NOTHING(Suite.JDK, "socketChannelWriteNothing",
            "SocketChannel.write, non-blocking, 0 bytes (no syscall)", none(), nanos(5), PeerRows.none()),
    /** BlockHound, like blockwatch, hooks only a lock that parks: an uncontended one runs neither's code. */
    UNCONTENDED_LOCK(Suite.JDK, "lockUnlock", "ReentrantLock.lock(); unlock(), uncontended", nanos(5), nanos(5),
            PeerRows.blockHoundNotChecking()),
    /** No JFR rows: a sleep is none of JFR's I/O events, the only ones that configuration records. */
    THREAD_SLEEP(Suite.JDK, "sleepZero", "Thread.sleep(0)", nanos(5), nanos(10), PeerRows.blockHound()),
    PREPARED_SELECT_ONE(Suite.DATABASE, "preparedSelectOne", "PostgreSQL SELECT 1, PreparedStatement (pgjdbc)",
            percentOfCall(1), percentOfCall(1), PeerRows.none()),
    STATEMENT_SELECT_ONE(Suite.DATABASE, "statementSelectOne", "PostgreSQL SELECT 1, Statement (pgjdbc)",
            percentOfCall(1), percentOfCall(1), PeerRows.none()),
    REDIS_GET(Suite.DATABASE, "redisGet", "Redis GET of a 10-byte value (Jedis)", percentOfCall(1),
            percentOfCall(1), PeerRows.none()),
    /**
     * The JDBC instrumentation with no network under it: a round trip's noise (several percent)
     * hides a cost of tens of nanoseconds, which this call resolves. 650 ns is 1% of the 65 us that
     * a PostgreSQL SELECT 1 takes here.
     */
    H2_PREPARED_SELECT_ONE(Suite.DATABASE, "h2PreparedSelectOne", "H2 in-memory SELECT 1, PreparedStatement",
            nanos(650), nanos(650), PeerRows.none());

    final Suite suite;
    final String method;
    final String label;
    private final Optional<AddedTimeTarget> maxAddedUnwatched;
    private final Optional<AddedTimeTarget> maxAddedWatched;
    final PeerRows peers;

    MeasuredCall(Suite suite, String method, String label, Optional<AddedTimeTarget> maxAddedUnwatched,
                 Optional<AddedTimeTarget> maxAddedWatched, PeerRows peers) {
        this.suite = suite;
        this.method = method;
        this.label = label;
        this.maxAddedUnwatched = maxAddedUnwatched;
        this.maxAddedWatched = maxAddedWatched;
        this.peers = peers;
    }

    /** The JMH benchmark name, as RunResult reports it. */
    String benchmarkName() {
        return suite.benchmarkClass.getName() + "." + method;
    }

    /** The most blockwatch may add in {@code configuration}; peers have no target of their own. */
    Optional<AddedTimeTarget> maxAdded(MeasuredConfiguration configuration) {
        return switch (configuration) {
            case UNWATCHED -> maxAddedUnwatched;
            case WATCHED -> maxAddedWatched;
            default -> Optional.empty();
        };
    }

    /** Whether the benchmark method takes the {@link Peer} state, which installs the peer in peer rows. */
    boolean takesPeerState() {
        return Arrays.stream(suite.benchmarkClass.getMethods())
                .filter(benchmark -> benchmark.getName().equals(method))
                .anyMatch(benchmark -> Arrays.asList(benchmark.getParameterTypes()).contains(Peer.class));
    }

    /** Whether {@link BenchmarkTable} runs this call in {@code configuration}. */
    boolean measuredIn(MeasuredConfiguration configuration) {
        return !configuration.isPeer() || peers.configurations().contains(configuration);
    }

    static List<MeasuredCall> of(Set<Suite> suites) {
        return Arrays.stream(values()).filter(call -> suites.contains(call.suite)).toList();
    }

    /** The call whose benchmark method is {@code method}, as {@code --call} names it. */
    static MeasuredCall named(String method) {
        return Arrays.stream(values()).filter(call -> call.method.equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--call needs one of " + Arrays.stream(values())
                        .map(call -> call.method).collect(Collectors.joining(", ")) + ", not " + method));
    }

    static MeasuredCall ofBenchmark(String benchmarkName) {
        for (MeasuredCall call : values()) {
            if (call.benchmarkName().equals(benchmarkName)) {
                return call;
            }
        }
        throw new IllegalArgumentException("not a measured call: " + benchmarkName);
    }

    private static Optional<AddedTimeTarget> nanos(double nanos) {
        return Optional.of(new AddedTimeTarget.Nanos(nanos));
    }

    private static Optional<AddedTimeTarget> percentOfCall(double percent) {
        return Optional.of(new AddedTimeTarget.PercentOfCall(percent));
    }

    private static Optional<AddedTimeTarget> none() {
        return Optional.empty();
    }

    /**
     * The peer configurations that measure a call, and whether BlockHound sees the call (its callback runs on a
     * non-blocking thread), which {@link Peer} verifies after every iteration of the non-blocking row. Peers run
     * only where the issue compares them, to keep the whole run short.
     */
    record PeerRows(Set<MeasuredConfiguration> configurations, boolean blockHoundCallback) {
        static PeerRows none() {
            return new PeerRows(Set.of(), false);
        }

        static PeerRows blockHoundNotChecking() {
            return new PeerRows(blockHoundRows(), false);
        }

        static PeerRows blockHound() {
            return new PeerRows(blockHoundRows(), true);
        }

        static PeerRows blockHoundAndJfr() {
            Set<MeasuredConfiguration> rows = EnumSet.copyOf(blockHoundRows());
            rows.add(MeasuredConfiguration.JFR);
            return new PeerRows(rows, true);
        }

        private static Set<MeasuredConfiguration> blockHoundRows() {
            return EnumSet.of(MeasuredConfiguration.BLOCKHOUND, MeasuredConfiguration.BLOCKHOUND_NON_BLOCKING);
        }
    }
}
