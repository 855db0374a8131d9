package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.AttachTest.Direction;
import dev.blockwatch.it.apps.AttachTarget;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user errors of {@code attach}: exit code 2, one stderr line starting {@code blockwatch: }, no
 * stack trace, nothing on stdout, on the CLI of each JDK: no such process, a process that is not a
 * JVM (which must survive the attempt), a JVM started with {@code -XX:+DisableAttachMechanism} (on
 * the other JDK; it keeps running, and {@code list} shows it with a reason instead of a state), no
 * pid, a pid that is not a number. A bad option is in {@link AttachTest}, on a target that then
 * accepts a good attach.
 */
class AttachErrorsTest {
    private static final long NO_SUCH_PID = 999999;

    @TempDir
    static Path workDir;

    @ParameterizedTest(name = "CLI on {0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void attachToNoSuchProcessExitsTwo(Jdk cli) {
        assertTrue(ProcessHandle.of(NO_SUCH_PID).isEmpty(), "pid " + NO_SUCH_PID + " exists on this machine");
        Cli.assertOneErrorLine(Cli.run(cli, workDir, "attach", String.valueOf(NO_SUCH_PID)));
    }

    @ParameterizedTest(name = "CLI on {0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void attachWithoutAPidExitsTwo(Jdk cli) {
        Cli.assertOneErrorLine(Cli.run(cli, workDir, "attach"));
    }

    @ParameterizedTest(name = "CLI on {0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void attachToAPidThatIsNotANumberExitsTwo(Jdk cli) {
        Cli.assertOneErrorLine(Cli.run(cli, workDir, "attach", "abc"));
    }

    @ParameterizedTest(name = "CLI on {0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void attachToAProcessThatIsNotAJvmExitsTwoAndLeavesItRunning(Jdk cli) throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitExec(sleep, "sleep");
            ChildJvm.Result attach = Cli.run(cli, workDir, "attach", String.valueOf(sleep.pid()));
            Cli.assertOneErrorLine(attach);
            assertTrue(sleep.isAlive(), "the non-Java process (sleep 30, pid " + sleep.pid()
                    + ") did not survive the attach attempt" + (sleep.isAlive() ? "" : ", exit code " + sleep.exitValue())
                    + "\n" + attach.describe());
        } finally {
            sleep.destroy();
            sleep.waitFor();
        }
    }

    /** What a session with a target that disables the attach mechanism saw. */
    record DisabledAttach(long pid, ChildJvm.Result attach, ChildJvm.Result list, boolean reportExisted,
                          ChildJvm.Result target) {
    }

    private static final OncePerJdk<DisabledAttach> DISABLED = new OncePerJdk<>("attach-disabled target", targetJdk -> {
        Jdk cli = Direction.toTarget(targetJdk).cli();
        try (TargetJvm target = TargetJvm.start(targetJdk, workDir, "-XX:+DisableAttachMechanism")) {
            String pid = String.valueOf(target.pid());
            ChildJvm.Result attach = Cli.run(cli, workDir, "attach", pid, "threshold=50ms,json=" + target.reportFile());
            ChildJvm.Result list = Cli.run(cli, workDir, "list");
            target.runScenario(0);
            boolean reportExisted = Files.exists(target.reportFile());
            return new DisabledAttach(target.pid(), attach, list, reportExisted, target.stop());
        }
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.AttachTest#directions")
    void attachToAJvmThatDisablesAttachExitsTwoAndLeavesItRunning(Direction direction) throws IOException {
        DisabledAttach session = DISABLED.get(direction.target());
        Cli.assertOneErrorLine(session.attach());
        assertFalse(session.reportExisted(), "a report was written by a target that disables attach");
        ChildJvm.Result target = session.target().assertExitedNormally();
        assertEquals("slept", target.fact(AttachTarget.scenario(0) + ".value"), "the target ran go-0 after the attempt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.AttachTest#directions")
    void listShowsAJvmThatCannotBeInspectedWithAReasonInsteadOfAState(Direction direction) {
        DisabledAttach session = DISABLED.get(direction.target());
        ChildJvm.Result list = session.list();
        String line = Cli.assertListed(list, session.pid(), AttachTarget.class);
        assertFalse(line.contains("blockwatch active") || line.contains("blockwatch inactive"),
                "a JVM that cannot be inspected (-XX:+DisableAttachMechanism) should show a reason, not a state\n"
                        + list.describe());
    }

    /** Waits until the started process runs the program (not the JDK's launch helper any more). */
    private static void awaitExec(Process process, String program) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<String> command = process.info().command();
            if (command.isPresent() && Path.of(command.get()).getFileName().toString().equals(program)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the process " + process.pid() + " does not run " + program + " after 5 s: "
                + process.info());
    }
}
