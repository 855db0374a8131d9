package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.it.apps.MoreFileCallsScenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rest of the {@code file} family at threshold 0, where every timed call on a watched thread is
 * reported: FileChannel force and transfers, and the Files operations that touch the disk. Each call
 * gives exactly one final record, named after the outermost call the application made (the JDK's
 * inner file calls, such as the attribute reads inside {@code Files.exists}, are not reported
 * apart). One child JVM per JDK runs all of {@link MoreFileCallsScenarios}.
 */
class MoreFileCallsTest {
    private static final String LOOP = "selector-loop";
    private static final String CHANNEL_IMPL = "sun.nio.ch.FileChannelImpl.";
    private static final int CONTENT = MoreFileCallsScenarios.CONTENT.length;

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.agent("threshold=0ms,log=false,json=" + child.reportFile())
                .run(MoreFileCallsScenarios.class)
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void fileChannelForceIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "forceChannel", "forced", "java.nio.channels.FileChannel.force",
                CHANNEL_IMPL + "force");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesListIsReported(Jdk jdk) {
        // data.bin, forced.bin and the two transfer targets
        assertOnlyCall(RUN.get(jdk), "listDirectory", "4", "java.nio.file.Files.list");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void fileChannelTransferToIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "transferToChannel", String.valueOf(CONTENT),
                "java.nio.channels.FileChannel.transferTo", CHANNEL_IMPL + "transferTo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void fileChannelTransferFromIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "transferFromChannel", String.valueOf(CONTENT),
                "java.nio.channels.FileChannel.transferFrom", CHANNEL_IMPL + "transferFrom");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesWalkIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "walkDirectory", "walking", "java.nio.file.Files.walk");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesNewDirectoryStreamIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "iterateDirectoryStream", "4", "java.nio.file.Files.newDirectoryStream");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesCopyIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "copyFile", "copy.bin", "java.nio.file.Files.copy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesMoveIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "moveFile", "moved.bin", "java.nio.file.Files.move");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesDeleteIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "deleteFile", "deleted", "java.nio.file.Files.delete");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesSizeIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "sizeOfFile", String.valueOf(CONTENT), "java.nio.file.Files.size");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void filesExistsIsReported(Jdk jdk) {
        assertOnlyCall(RUN.get(jdk), "fileExists", "true", "java.nio.file.Files.exists");
    }

    private static void assertOnlyCall(ChildJvm.Result child, String scenario, String value, String operation) {
        assertOnlyCall(child, scenario, value, operation, operation);
    }

    /** The scenario's call, made on the loop with the given result, is the one call reported at its site. */
    private static void assertOnlyCall(ChildJvm.Result child, String scenario, String value, String operation,
                                       String firstFrame) {
        assertEquals(value, child.fact(scenario + ".value"), "result of " + scenario);
        assertEquals(LOOP, child.fact(scenario + ".thread"), "thread of " + scenario);
        ReportRecord call = child.report().onlyFinalCallAt(MoreFileCallsScenarios.class, scenario);
        new ExpectedCall("file", operation, child.fact(scenario + ".path"), LOOP,
                Long.parseLong(child.fact(scenario + ".threadId")), MoreFileCallsScenarios.class, scenario,
                0, 1000, 0)
                .withFirstFrame(firstFrame)
                .assertMatches(call, child);
    }
}
