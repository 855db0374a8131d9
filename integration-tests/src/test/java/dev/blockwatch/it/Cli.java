package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent jar's command line ({@code java -jar blockwatch-agent.jar <command>}) as a user runs it,
 * and what DESIGN.md's CLI contract says about its output.
 */
final class Cli {
    private Cli() {
    }

    /** Runs the command line on the JDK to its end, in a fresh directory under workDir. */
    static ChildJvm.Result run(Jdk jdk, Path workDir, String... args) {
        return ChildJvm.on(jdk, workDir).runAgentJar(args);
    }

    /** A line of a Java stack trace, which a user never sees for a mistake. */
    static boolean isStackTraceLine(String line) {
        return line.startsWith("\tat ") || line.startsWith("Exception in thread") || line.startsWith("Caused by: ");
    }

    static void assertNoStackTrace(ChildJvm.Result cli) {
        assertTrue(cli.stdoutLines().stream().noneMatch(Cli::isStackTraceLine)
                        && cli.stderrLines().stream().noneMatch(Cli::isStackTraceLine),
                "a Java stack trace in the command's output\n" + cli.describe());
    }

    /**
     * A user error: exit code 2, nothing on stdout, exactly one stderr line, starting with
     * {@code blockwatch: }, and no stack trace. Returns that line.
     */
    static String assertOneErrorLine(ChildJvm.Result cli) {
        assertNoStackTrace(cli);
        assertEquals(2, cli.exitCode(), "exit code\n" + cli.describe());
        assertEquals("", cli.stdout(), "stdout\n" + cli.describe());
        List<String> lines = cli.stderrLines();
        assertEquals(1, lines.size(), "stderr lines (exactly one expected)\n" + cli.describe());
        assertTrue(lines.get(0).startsWith("blockwatch: "), "the error line should start with 'blockwatch: '\n"
                + cli.describe());
        return lines.get(0);
    }

    /** The pid as a whole number in a line (so that 123 does not match 1234). */
    static Pattern pidToken(long pid) {
        return Pattern.compile("(?<!\\d)" + pid + "(?!\\d)");
    }

    /** The lines of a {@code list} output that name the pid. */
    static List<String> listLinesOf(ChildJvm.Result list, long pid) {
        Pattern token = pidToken(pid);
        return list.stdoutLines().stream().filter(line -> token.matcher(line).find()).toList();
    }

    /**
     * A {@code list} that succeeded (exit 0, no stack trace) and shows the pid on exactly one line,
     * with the main class; returns that line.
     */
    static String assertListed(ChildJvm.Result list, long pid, Class<?> mainClass) {
        assertNoStackTrace(list);
        assertEquals(0, list.exitCode(), "exit code of list\n" + list.describe());
        List<String> lines = listLinesOf(list, pid);
        assertEquals(1, lines.size(), "list lines naming pid " + pid + "\n" + list.describe());
        assertTrue(lines.get(0).contains(mainClass.getName()), "the line of pid " + pid + " should name its main class "
                + mainClass.getName() + "\n" + list.describe());
        return lines.get(0);
    }
}
