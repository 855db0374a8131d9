package dev.blockwatch.cli;

import dev.blockwatch.Blockwatch;

/** {@code java -jar blockwatch-agent.jar <command>}: the commands a user runs by hand or in CI. */
public final class BlockwatchCli {
    private static final String USAGE = String.join(System.lineSeparator(),
            "blockwatch " + Blockwatch.version() + ": finds blocking calls on event-loop threads",
            "",
            "Run the agent with the JVM:",
            "  java -javaagent:blockwatch-agent.jar[=key=value,...] -jar app.jar",
            "  options: threshold, threads, thread-names, categories, allow, log, json, jfr,",
            "           site-skip, stack-depth, repeat, summary, detail, strict, config (see README.md)",
            "",
            "Commands (java -jar blockwatch-agent.jar <command>):",
            "  help        print this text",
            "  --version   print the version");

    private BlockwatchCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println("blockwatch: no command given; run 'java -jar blockwatch-agent.jar help'");
            return 2;
        }
        switch (args[0]) {
            case "help":
            case "--help":
            case "-h":
                System.out.println(USAGE);
                return 0;
            case "--version":
            case "version":
                System.out.println("blockwatch " + Blockwatch.version());
                return 0;
            default:
                System.err.println("blockwatch: unknown command '" + args[0]
                        + "'; run 'java -jar blockwatch-agent.jar help' for the commands");
                return 2;
        }
    }
}
