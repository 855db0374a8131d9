package dev.blockwatch.cli;

import dev.blockwatch.agent.AgentStatus;
import dev.blockwatch.config.BadOptionException;
import dev.blockwatch.config.OptionSources;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/**
 * {@code attach <pid> [options]}: loads the agent into a running JVM and returns once it is
 * active there, printing one line with its options; attached again, blockwatch takes the new
 * options. The options are checked here first, so that a bad one never reaches the target.
 */
final class AttachCommand {
    private AttachCommand() {
    }

    static int run(String[] args, PrintStream out) throws CommandFailure {
        if (args.length < 2 || args.length > 3) {
            throw new CommandFailure("usage: java -jar blockwatch-agent.jar attach <pid> [key=value,...]");
        }
        long pid = TargetJvm.parsePid(args[1]);
        String options = args.length == 3 ? args[2] : "";
        try {
            OptionSources.load(options, new Properties(), Map.of());
        } catch (BadOptionException e) {
            throw new CommandFailure(e.getMessage() + "; nothing was attached");
        }
        try (TargetJvm target = TargetJvm.attach(pid)) {
            boolean wasActive = AgentStatus.activeOptions(target.systemProperties()) != null;
            target.loadAgent(options);
            Properties after = target.systemProperties();
            String now = AgentStatus.activeOptions(after);
            if (now == null) {
                String reason = AgentStatus.offReason(after);
                throw new CommandFailure("blockwatch did not start in JVM " + pid
                        + (reason != null ? ": " + reason : "; see that JVM's stderr"));
            }
            out.println("blockwatch: active in " + target.describe() + (wasActive ? " with new options" : "") + ": " + now);
            return 0;
        }
    }
}
