package dev.blockwatch.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The benchmark methods of every {@link Suite}, with the added cost that issues 2, 3, 4 and 8 allow each. */
enum MeasuredCall {
    FILE_READ(Suite.JDK, "fileRead", "FileInputStream.read(), 1 byte of /dev/zero", nanos(5), nanos(60)),
    FILE_READ_NOTHING(Suite.JDK, "fileReadNothing", "FileInputStream.read(b, 0, 0) (no syscall)",
            nanos(5), nanos(60)),
    CACHED_FILE_READ(Suite.JDK, "cachedFileRead", "FileInputStream.read(), 1 byte of a cached file",
            nanos(5), nanos(10)),
    SOCKET_READ(Suite.JDK, "socketRead", "Socket read, 1 byte, blocking, data waiting", nanos(5), nanos(10)),
    SOCKET_CHANNEL_READ(Suite.JDK, "socketChannelRead", "SocketChannel.read, non-blocking, nothing to read",
            none(), nanos(5)),
    SOCKET_CHANNEL_READ_NO_ROOM(Suite.JDK, "socketChannelReadNoRoom",
            "SocketChannel.read, non-blocking, no room (no syscall)", none(), nanos(5)),
    SOCKET_CHANNEL_WRITE(Suite.JDK, "socketChannelWrite", "SocketChannel.write, non-blocking, 1 byte",
            none(), nanos(5)),
    SOCKET_CHANNEL_WRITE_NOTHING(Suite.JDK, "socketChannelWriteNothing",
            "SocketChannel.write, non-blocking, 0 bytes (no syscall)", none(), nanos(5)),
    UNCONTENDED_LOCK(Suite.JDK, "lockUnlock", "ReentrantLock.lock(); unlock(), uncontended", nanos(5), nanos(5)),
    /** No time target: what timing a sleep adds is reported, not bounded; the 0 B/op of every row still holds. */
    THREAD_SLEEP(Suite.JDK, "sleepZero", "Thread.sleep(0)", none(), none()),
    PREPARED_SELECT_ONE(Suite.DATABASE, "preparedSelectOne", "PostgreSQL SELECT 1, PreparedStatement (pgjdbc)",
            percentOfCall(1), percentOfCall(1)),
    STATEMENT_SELECT_ONE(Suite.DATABASE, "statementSelectOne", "PostgreSQL SELECT 1, Statement (pgjdbc)",
            percentOfCall(1), percentOfCall(1)),
    REDIS_GET(Suite.DATABASE, "redisGet", "Redis GET of a 10-byte value (Jedis)", percentOfCall(1),
            percentOfCall(1)),
    /**
     * The JDBC instrumentation with no network under it: a round trip's noise (several percent)
     * hides a cost of tens of nanoseconds, which this call resolves. 650 ns is 1% of the 65 us that
     * a PostgreSQL SELECT 1 takes here.
     */
    H2_PREPARED_SELECT_ONE(Suite.DATABASE, "h2PreparedSelectOne", "H2 in-memory SELECT 1, PreparedStatement",
            nanos(650), nanos(650));

    final Suite suite;
    final String method;
    final String label;
    private final Optional<AddedTimeTarget> maxAddedUnwatched;
    private final Optional<AddedTimeTarget> maxAddedWatched;

    MeasuredCall(Suite suite, String method, String label, Optional<AddedTimeTarget> maxAddedUnwatched,
                 Optional<AddedTimeTarget> maxAddedWatched) {
        this.suite = suite;
        this.method = method;
        this.label = label;
        this.maxAddedUnwatched = maxAddedUnwatched;
        this.maxAddedWatched = maxAddedWatched;
    }

    /** The JMH benchmark name, as RunResult reports it. */
    String benchmarkName() {
        return suite.benchmarkClass.getName() + "." + method;
    }

    Optional<AddedTimeTarget> maxAdded(MeasuredConfiguration configuration) {
        return switch (configuration) {
            case NO_AGENT -> Optional.empty();
            case UNWATCHED -> maxAddedUnwatched;
            case WATCHED -> maxAddedWatched;
        };
    }

    static List<MeasuredCall> of(Set<Suite> suites) {
        return Arrays.stream(values()).filter(call -> suites.contains(call.suite)).toList();
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
}
