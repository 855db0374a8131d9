package dev.blockwatch.bootstrap;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The command each process was started with, so that a report of {@code Process.waitFor} can
 * name the program: once the process has ended, the JDK no longer knows it. Remembered when a
 * process starts (a rare, already costly call), held weakly.
 */
public final class StartedProcesses {
    private static final Map<Object, List<String>> COMMANDS = Collections.synchronizedMap(new WeakHashMap<>());

    private StartedProcesses() {
    }

    public static void remember(Object process, List<String> command) {
        if (process != null && command != null) {
            COMMANDS.put(process, List.copyOf(command));
        }
    }

    /** The command the process was started with, or null when it was started before blockwatch. */
    public static List<String> commandOf(Object process) {
        return COMMANDS.get(process);
    }
}
