package dev.blockwatch.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.blockwatch.agent.AgentStatus;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/** {@code list}: every local JVM, with whether blockwatch is active in it and with which options. */
final class ListCommand {
    private ListCommand() {
    }

    static int run(PrintStream out) {
        List<VirtualMachineDescriptor> jvms = VirtualMachine.list();
        long self = ProcessHandle.current().pid();
        jvms.stream()
                .filter(jvm -> !jvm.id().equals(Long.toString(self)))
                .sorted(Comparator.comparingLong(jvm -> parse(jvm.id())))
                .forEach(jvm -> out.println(jvm.id() + "\t" + name(jvm) + "\t" + status(jvm)));
        return 0;
    }

    private static String status(VirtualMachineDescriptor jvm) {
        try (TargetJvm target = TargetJvm.attach(parse(jvm.id()))) {
            String active = AgentStatus.activeOptions(target.systemProperties());
            return active != null ? "blockwatch active: " + active : "blockwatch inactive";
        } catch (CommandFailure e) {
            return "blockwatch unknown: " + e.getMessage();
        }
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
