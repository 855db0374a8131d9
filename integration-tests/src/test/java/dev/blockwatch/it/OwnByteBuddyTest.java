package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.LocalPeer;
import dev.blockwatch.it.apps.OwnByteBuddyApp;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that brings its own Byte Buddy 1.14.18 runs unchanged with the agent (which uses
 * Byte Buddy 1.18.2, relocated): the same output as without the agent, from the application's own
 * Byte Buddy jar; and the agent still reports the application's slow call.
 */
class OwnByteBuddyTest {
    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void applicationWithItsOwnByteBuddyRunsUnchanged(Jdk jdk) {
        ChildJvm.Result without = ChildJvm.on(jdk, workDir).libraries("byte-buddy-")
                .run(OwnByteBuddyApp.class)
                .assertExitedNormally();
        assertEquals("byte-buddy-1.14.18.jar", without.fact("byteBuddyJar"), "the application's Byte Buddy");
        assertEquals("made by the application's Byte Buddy", without.fact("generated"));
        assertEquals(String.valueOf(LocalPeer.ANSWER), without.fact("read"));

        ChildJvm agentChild = ChildJvm.on(jdk, workDir).libraries("byte-buddy-");
        ChildJvm.Result with = agentChild.agent("threshold=50ms,json=" + agentChild.reportFile())
                .run(OwnByteBuddyApp.class)
                .assertExitedNormally();
        assertEquals(without.stdout(), with.stdout(), "the application's output with the agent\n" + with.describe());

        ReportRecord call = with.report().onlyFinalCallAt(OwnByteBuddyApp.class, "readFromPeer");
        assertEquals("socket", call.string("category"), "category in " + call);
        assertEquals("java.net.Socket.read", call.string("operation"), "operation in " + call);
        assertEquals("selector-loop", call.string("thread"), "thread in " + call);
        assertTrue(call.string("detail").matches("127\\.0\\.0\\.1:\\d+"), "detail in " + call);
    }
}
