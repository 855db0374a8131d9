package dev.blockwatch.cli;

import dev.blockwatch.agent.AgentEntry;
import dev.blockwatch.agent.AgentStatus;
import java.io.PrintStream;
import java.util.Properties;

/**
 * {@code detach <pid>}: removes blockwatch from a running JVM (its classes get their own bytecode
 * back), which writes its final summary and stops its threads; a later {@code attach} works again.
 */
final class DetachCommand {
    private DetachCommand() {
    }

    static int run(String[] args, PrintStream out) throws CommandFailure {
        if (args.length != 2) {
            throw new CommandFailure("usage: java -jar blockwatch-agent.jar detach <pid>");
        }
        long pid = TargetJvm.parsePid(args[1]);
        try (TargetJvm target = TargetJvm.attach(pid)) {
            if (AgentStatus.activeOptions(target.systemProperties()) == null) {
                throw new CommandFailure("blockwatch is not active in JVM " + target.describe() + "; nothing to detach");
            }
            target.loadAgent(AgentEntry.DETACH);
            Properties after = target.systemProperties();
            if (AgentStatus.activeOptions(after) != null) {
                throw new CommandFailure("blockwatch is still active in JVM " + target.describe() + "; see that JVM's stderr");
            }
            out.println("blockwatch: detached from " + target.describe()
                    + ": its classes have their own bytecode back, and its summary was written");
            return 0;
        }
    }
}
