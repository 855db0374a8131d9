package dev.blockwatch.benchmarks;

import java.util.OptionalDouble;

/** The benchmark methods of {@link InstrumentedCallBenchmark}, with the added cost that issues 2 and 3 allow each. */
enum MeasuredCall {
    FILE_READ("fileRead", "FileInputStream.read(), 1 byte of /dev/zero", OptionalDouble.of(5), OptionalDouble.of(60)),
    FILE_READ_NOTHING("fileReadNothing", "FileInputStream.read(b, 0, 0) (no syscall)",
            OptionalDouble.of(5), OptionalDouble.of(60)),
    SOCKET_CHANNEL_READ("socketChannelRead", "SocketChannel.read, non-blocking, nothing to read",
            OptionalDouble.empty(), OptionalDouble.of(5)),
    SOCKET_CHANNEL_READ_NO_ROOM("socketChannelReadNoRoom", "SocketChannel.read, non-blocking, no room (no syscall)",
            OptionalDouble.empty(), OptionalDouble.of(5)),
    SOCKET_CHANNEL_WRITE("socketChannelWrite", "SocketChannel.write, non-blocking, 1 byte",
            OptionalDouble.empty(), OptionalDouble.of(5)),
    SOCKET_CHANNEL_WRITE_NOTHING("socketChannelWriteNothing", "SocketChannel.write, non-blocking, 0 bytes (no syscall)",
            OptionalDouble.empty(), OptionalDouble.of(5)),
    UNCONTENDED_LOCK("lockUnlock", "ReentrantLock.lock(); unlock(), uncontended",
            OptionalDouble.of(5), OptionalDouble.of(5)),
    /** No time target: what timing a sleep adds is reported, not bounded; the 0 B/op of every row still holds. */
    THREAD_SLEEP("sleepZero", "Thread.sleep(0)", OptionalDouble.empty(), OptionalDouble.empty());

    final String method;
    final String label;
    private final OptionalDouble maxAddedNanosUnwatched;
    private final OptionalDouble maxAddedNanosWatched;

    MeasuredCall(String method, String label, OptionalDouble maxAddedNanosUnwatched,
                 OptionalDouble maxAddedNanosWatched) {
        this.method = method;
        this.label = label;
        this.maxAddedNanosUnwatched = maxAddedNanosUnwatched;
        this.maxAddedNanosWatched = maxAddedNanosWatched;
    }

    /** The JMH benchmark name, as RunResult reports it. */
    String benchmarkName() {
        return InstrumentedCallBenchmark.class.getName() + "." + method;
    }

    OptionalDouble maxAddedNanos(AgentConfiguration configuration) {
        return switch (configuration) {
            case NO_AGENT -> OptionalDouble.empty();
            case UNWATCHED -> maxAddedNanosUnwatched;
            case WATCHED -> maxAddedNanosWatched;
        };
    }

    static MeasuredCall ofBenchmark(String benchmarkName) {
        for (MeasuredCall call : values()) {
            if (call.benchmarkName().equals(benchmarkName)) {
                return call;
            }
        }
        throw new IllegalArgumentException("not a measured call: " + benchmarkName);
    }
}
