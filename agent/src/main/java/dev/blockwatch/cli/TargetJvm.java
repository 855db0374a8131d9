package dev.blockwatch.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A local JVM reached through the JDK's attach API. Every way attaching can fail becomes one
 * line that says why and what to do: no such process, not a JVM, a JVM that refuses attach or
 * belongs to another user.
 */
final class TargetJvm implements AutoCloseable {
    private final long pid;
    private final String mainClass;
    private final VirtualMachine vm;

    private TargetJvm(long pid, String mainClass, VirtualMachine vm) {
        this.pid = pid;
        this.mainClass = mainClass;
        this.vm = vm;
    }

    static long parsePid(String text) throws CommandFailure {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CommandFailure("'" + text + "' is not a process id; list the local JVMs with"
                + " 'java -jar blockwatch-agent.jar list'");
    }

    static TargetJvm attach(long pid) throws CommandFailure {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            throw new CommandFailure("no process with pid " + pid + "; list the local JVMs with"
                    + " 'java -jar blockwatch-agent.jar list'");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new CommandFailure("pid " + pid + " is this command itself");
        }
        VirtualMachineDescriptor descriptor = VirtualMachine.list().stream()
                .filter(jvm -> jvm.id().equals(Long.toString(pid)))
                .findFirst().orElse(null);
        if (descriptor == null && !isJava(process.get())) {
            throw new CommandFailure("process " + pid + " (" + process.get().info().command().orElse("?")
                    + ") is not a Java virtual machine");
        }
        try {
            VirtualMachine vm = descriptor != null ? VirtualMachine.attach(descriptor)
                    : VirtualMachine.attach(Long.toString(pid));
            return new TargetJvm(pid, descriptor != null ? mainClassOf(descriptor) : "", vm);
        } catch (AttachNotSupportedException | IOException e) {
            throw new CommandFailure(refusal(pid, process.get(), e));
        }
    }

    /** The main class or jar of a listed JVM, without its arguments, which may hold secrets. */
    static String mainClassOf(VirtualMachineDescriptor descriptor) {
        String name = descriptor.displayName().trim();
        return name.isEmpty() ? "" : name.split("\\s+")[0];
    }

    /** {@code 31662 (com.example.Server)}, for the command's one line. */
    String describe() {
        return pid + (mainClass.isEmpty() ? "" : " (" + mainClass + ")");
    }

    /** Runs the agent's {@code agentmain} in the JVM with these arguments, from this very jar. */
    void loadAgent(String arguments) throws CommandFailure {
        try {
            vm.loadAgent(agentJar().toString(), arguments);
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            throw new CommandFailure("JVM " + pid + " could not load blockwatch: " + e.getMessage());
        }
    }

    /** The CLI runs from the agent jar it loads. */
    private static Path agentJar() throws CommandFailure {
        try {
            return Path.of(TargetJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new CommandFailure("cannot locate blockwatch-agent.jar: " + e);
        }
    }

    Properties systemProperties() throws CommandFailure {
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw new CommandFailure("cannot read the system properties of JVM " + pid + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            vm.detach();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }

    private static boolean isJava(ProcessHandle process) {
        String command = process.info().command().orElse("");
        return command.endsWith("/java") || command.endsWith("\\java.exe");
    }

    private static String refusal(long pid, ProcessHandle process, Exception e) {
        String owner = process.info().user().orElse(null);
        String me = System.getProperty("user.name");
        if (owner != null && !owner.equals(me) && !"root".equals(me)) {
            return "JVM " + pid + " belongs to user " + owner + "; run blockwatch as that user";
        }
        return "JVM " + pid + " does not accept attach (" + e.getMessage() + "); a JVM started with"
                + " -XX:+DisableAttachMechanism never does, one of another user only for that user";
    }
}
