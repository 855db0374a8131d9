package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of another process, from Linux's {@code /proc/<pid>/stat} and {@code /proc/<pid>/task/<tid>/stat}: user
 * plus system time in clock ticks, for the whole process or for its threads whose names start with a prefix.
 */
final class ProcessCpu {
    /** utime and stime are fields 14 and 15 of proc(5); counted from field 3, the first after the name's ')'. */
    private static final int UTIME_AFTER_NAME = 11;

    private final long ticksPerSecond;

    private ProcessCpu(long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    /** @throws IllegalStateException on a system without {@code /proc} or {@code getconf} */
    static ProcessCpu open() throws IOException, InterruptedException {
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            throw new IllegalStateException("no /proc/self/task: CPU time is read from Linux's /proc");
        }
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        if (!getconf.waitFor(10, TimeUnit.SECONDS)) {
            getconf.destroyForcibly();
            throw new IllegalStateException("getconf CLK_TCK did not answer within 10 s");
        }
        String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        try {
            return new ProcessCpu(Long.parseLong(output));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("getconf CLK_TCK answered '" + output + "', not a number of ticks");
        }
    }

    /** CPU time of the whole process so far, all its threads, in ticks. */
    long processTicks(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8));
    }

    /**
     * CPU time so far of the process's live threads whose names start with {@code prefix}, in ticks. Linux keeps the
     * first 15 characters of a thread's name, so the prefix must be shorter.
     */
    long threadTicks(long pid, String prefix) throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    continue; // the thread ended while the directory was read
                }
                if (name(stat).startsWith(prefix)) {
                    sum += ticks(stat);
                }
            }
        }
        return sum;
    }

    /** Ticks over a span as a share of one core, in percent. */
    double percentOfOneCore(long ticks, long nanos) {
        return ticks * 100.0 / ticksPerSecond / (nanos / 1e9);
    }

    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[UTIME_AFTER_NAME + 1]);
    }
}
