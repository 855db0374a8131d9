package dev.blockwatch.it.apps;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A running server for {@code attach}: started with no agent, it keeps one Netty 4.2 NIO event loop
 * and is driven by files in its working directory. Once its loop runs it writes its pid to
 * {@value #READY_FILE}; then for each trigger file {@code go-<n>} (n = 0, 1, 2... in order) it runs
 * a 150 ms {@code Thread.sleep} on the event loop in {@link #sleepOnLoop}, prints the outcome as
 * {@code go-<n>.thread=}, {@code go-<n>.threadId=} and {@code go-<n>.value=}, and writes
 * {@code done-<n>}; for a probe file {@code probe-<n>} instead, it prints whether blockwatch's
 * advice ran ({@link AdviceProbe}) as {@code go-<n>.value=}; on {@value #STOP_FILE} it shuts the
 * loop down and exits normally. It exits with
 * code 3 if no stop file comes within {@link #LIFETIME}, so that a lost test never leaves it behind.
 */
public final class AttachTarget {
    public static final String READY_FILE = "ready";
    public static final String STOP_FILE = "stop";
    public static final String SLEEP_METHOD = "sleepOnLoop";
    public static final Duration SLEEP = Duration.ofMillis(150);
    public static final Duration LIFETIME = Duration.ofSeconds(150);
    private static final long POLL_MILLIS = 20;

    private AttachTarget() {
    }

    public static String goFile(int n) {
        return "go-" + n;
    }

    /** Trigger n as a probe: does blockwatch's advice run at all ({@link AdviceProbe})? */
    public static String probeFile(int n) {
        return "probe-" + n;
    }

    public static String doneFile(int n) {
        return "done-" + n;
    }

    /** The fact prefix of trigger n's outcome. */
    public static String scenario(int n) {
        return "go-" + n;
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of("").toAbsolutePath();
        long deadline = System.nanoTime() + LIFETIME.toNanos();
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            EventLoop loop = group.next();
            // The loop thread is up and has run a task (and selected) before the test hears of us.
            loop.submit(() -> { }).get(30, TimeUnit.SECONDS);
            long pid = ProcessHandle.current().pid();
            System.out.println("pid=" + pid);
            System.out.flush();
            writeAtomically(directory.resolve(READY_FILE), pid + "\nready\n");
            int next = 0;
            while (!Files.exists(directory.resolve(STOP_FILE))) {
                if (Files.exists(directory.resolve(goFile(next)))) {
                    loop.submit(() -> Outcome.here(sleepOnLoop())).get(30, TimeUnit.SECONDS).print(scenario(next));
                    System.out.flush();
                    writeAtomically(directory.resolve(doneFile(next)), "done\n");
                    next++;
                } else if (Files.exists(directory.resolve(probeFile(next)))) {
                    loop.submit(() -> Outcome.here(AdviceProbe.runs(AttachTarget::probeSleep)))
                            .get(30, TimeUnit.SECONDS).print(scenario(next));
                    System.out.flush();
                    writeAtomically(directory.resolve(doneFile(next)), "done\n");
                    next++;
                } else if (System.nanoTime() - deadline > 0) {
                    System.err.println("AttachTarget: no " + STOP_FILE + " file within " + LIFETIME + "; exiting");
                    System.exit(3);
                } else {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        System.out.println("stopped");
    }

    /** The blocking call of every trigger: its site is this method. */
    static String sleepOnLoop() throws InterruptedException {
        Thread.sleep(SLEEP.toMillis());
        return "slept";
    }

    /** The call of every probe: a short sleep, timed wherever blockwatch's advice is in place. */
    static void probeSleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
