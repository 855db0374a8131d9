package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.CallOutcomesApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent never changes a call's result or exception: instrumented calls on a watched thread, run
 * at threshold 0 so that every one is timed and reported, print the same results and the same
 * exceptions (type, message, throwing method) as without the agent.
 */
class CallOutcomeTest {
    private static final String DATA = "blockwatch keeps results";

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void resultsAndExceptionsAreUnchanged(Jdk jdk) throws IOException {
        Path data = Files.createDirectory(workDir.resolve("data"));
        Files.writeString(data.resolve("data.txt"), DATA, StandardCharsets.UTF_8);

        ChildJvm.Result without = ChildJvm.on(jdk, workDir).run(CallOutcomesApp.class, data.toString())
                .assertExitedNormally();
        assertOutcomesAsExpected(without, data);

        ChildJvm agentChild = ChildJvm.on(jdk, workDir);
        ChildJvm.Result with = agentChild.agent("threshold=0ms,json=" + agentChild.reportFile())
                .run(CallOutcomesApp.class, data.toString())
                .assertExitedNormally();
        assertEquals(without.stdoutLines(), with.stdoutLines(), "results and exceptions with the agent");
        assertFalse(with.report().finalCallsAt(CallOutcomesApp.class, "readIntoArray").isEmpty(),
                "the agent should have timed and reported the calls; none at readIntoArray:\n" + with.report());
    }

    /** Checks the run without the agent, so that the comparison compares what the scenarios mean to. */
    private static void assertOutcomesAsExpected(ChildJvm.Result child, Path data) {
        StringBuilder bytes = new StringBuilder();
        for (byte b : DATA.getBytes(StandardCharsets.UTF_8)) {
            bytes.append(b).append(',');
        }
        List<String> expectedStarts = List.of(
                "readIntoArray: 10 14 -1 keeps results",
                "readSingleBytes: " + bytes + "-1",
                "randomAccessRead: 8 atch kee 112",
                "channelRead: 5 ckwat -1",
                "readAllBytes: " + DATA,
                "writeThenSize: 27",
                "socketRead: 42 -1",
                "readClosedStream threw java.io.IOException: Stream Closed at ",
                "writeClosedStream threw java.io.IOException: Stream Closed at ",
                "readMissingFile threw java.nio.file.NoSuchFileException: " + data.resolve("missing.txt") + " at ",
                "readResetConnection threw java.net.SocketException: Connection reset at ");
        List<String> lines = child.stdoutLines();
        assertEquals(expectedStarts.size(), lines.size(), "outcome lines\n" + child.describe());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith(expectedStarts.get(i)),
                    "line " + (i + 1) + " should start with '" + expectedStarts.get(i) + "'\n" + child.describe());
        }
    }
}
