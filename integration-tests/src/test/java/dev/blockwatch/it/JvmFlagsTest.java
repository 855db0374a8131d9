package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.it.apps.ServeOnceApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent needs no JVM flag on any JDK (it retransforms JDK classes without adding or removing
 * methods, so nothing like -XX:+AllowRedefinitionToAddDeleteMethods) and makes the JVM print no
 * warning: a child started with nothing but -javaagent instruments and reports, and its stderr has
 * no warning line that the same child without the agent does not have.
 */
class JvmFlagsTest {
    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void agentNeedsNoJvmFlagAndCausesNoWarning(Jdk jdk) {
        ChildJvm.Result without = ChildJvm.on(jdk, workDir).run(ServeOnceApp.class).assertExitedNormally();
        ChildJvm agentChild = ChildJvm.on(jdk, workDir);
        ChildJvm.Result with = agentChild.agent("threshold=50ms,log=false,json=" + agentChild.reportFile())
                .run(ServeOnceApp.class)
                .assertExitedNormally();
        assertEquals(without.stdout(), with.stdout(), "the application's output with the agent");

        ReportRecord call = with.report().onlyFinalCallAt(ServeOnceApp.class, "readFromPeer");
        assertEquals("java.net.Socket.read", call.string("operation"), "operation in " + call);

        List<String> warningsWithout = warnings(without);
        List<String> newWarnings = warnings(with).stream().filter(line -> !warningsWithout.contains(line)).toList();
        assertEquals(List.of(), newWarnings, "warnings printed only with the agent\n" + with.describe());
    }

    /** JVM warnings: HotSpot's "... VM warning: ...", the launcher's and the JDK's "WARNING: ...", unified logging's [warning]. */
    private static List<String> warnings(ChildJvm.Result child) {
        return child.stderrLines().stream()
                .filter(line -> line.contains("VM warning:") || line.startsWith("WARNING:") || line.contains("[warning]"))
                .toList();
    }
}
