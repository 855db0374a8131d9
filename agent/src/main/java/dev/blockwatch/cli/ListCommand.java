package dev.blockwatch.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.blockwatch.agent.AgentStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code list}: every local JVM, with whether blockwatch is active in it and with which options. */
final class ListCommand {
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--add-modules", "--add-opens", "--add-exports", "--add-reads");

    private ListCommand() {
    }

    static int run(PrintStream out) {
        Map<Long, String> lines = new TreeMap<>();
        for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
            lines.put(parse(jvm.id()), name(jvm) + "\t" + status(jvm));
        }
        for (long pid : refusingAttach(lines.keySet())) {
            lines.put(pid, mainClassOf(pid) + "\tblockwatch unknown: the JVM does not accept attach"
                    + " (-XX:+DisableAttachMechanism)");
        }
        lines.remove(ProcessHandle.current().pid());
        lines.forEach((pid, line) -> out.println(pid + "\t" + line));
        return 0;
    }

    /**
     * The JVMs the attach API does not list because they refuse attach: every running JVM of this
     * user publishes its performance data in a file named by its pid.
     */
    private static List<Long> refusingAttach(Set<Long> listed) {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"));
        List<Long> refusing = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                long pid = parse(file.getFileName().toString());
                if (pid > 0 && !listed.contains(pid) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    refusing.add(pid);
                }
            }
        } catch (IOException e) {
            // no performance data here: only the attach API's list is known
        }
        return refusing;
    }

    private static String status(VirtualMachineDescriptor jvm) {
        try (TargetJvm target = TargetJvm.attach(parse(jvm.id()))) {
            String active = AgentStatus.activeOptions(target.systemProperties());
            return active != null ? "blockwatch active: " + active : "blockwatch inactive";
        } catch (CommandFailure e) {
            return "blockwatch unknown: " + e.getMessage();
        }
    }

    /**
     * The main class or jar of a JVM the attach API cannot ask: the first launcher argument that
     * is not an option or an option's value.
     */
    private static String mainClassOf(long pid) {
        String[] arguments = ProcessHandle.of(pid).flatMap(process -> process.info().arguments()).orElse(new String[0]);
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if ((argument.equals("-jar") || argument.equals("-m") || argument.equals("--module"))
                    && i + 1 < arguments.length) {
                return arguments[i + 1];
            }
            if (OPTIONS_WITH_VALUE.contains(argument)) {
                i++;
            } else if (!argument.startsWith("-")) {
                return argument;
            }
        }
        return "?";
    }

    private static String name(VirtualMachineDescriptor jvm) {
        String name = TargetJvm.mainClassOf(jvm);
        return name.isEmpty() ? "?" : name;
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
