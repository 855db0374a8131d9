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
            "  attach <pid> [key=value,...]   start blockwatch in a running JVM, or give it new options",
            "  detach <pid>                   remove blockwatch from a running JVM",
            "  list                           the local JVMs, and whether blockwatch is active in each",
            "  check <report.jsonl> [--max-ms X] [--baseline B] [--write-baseline B] [--tolerance P]   fail CI on a json= report",
            "  help                           print this text",
            "  --version                      print the version");

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
            case "attach":
                return failingWithOneLine(() -> AttachCommand.run(args, System.out));
            case "detach":
                return failingWithOneLine(() -> DetachCommand.run(args, System.out));
            case "list":
                return ListCommand.run(System.out);
            case "check":
                return failingWithOneLine(() -> CheckCommand.run(args, System.out));
            default:
                System.err.println("blockwatch: unknown command '" + args[0]
                        + "'; run 'java -jar blockwatch-agent.jar help' for the commands");
                return 2;
        }
    }

    private interface Command {
        int run() throws CommandFailure;
    }

    /** A command's failure is one line on stderr and exit status 2, never a stack trace. */
    private static int failingWithOneLine(Command command) {
        try {
            return command.run();
        } catch (CommandFailure e) {
            System.err.println("blockwatch: " + e.getMessage());
            return 2;
        } catch (RuntimeException | LinkageError e) {
            System.err.println("blockwatch: " + e + "; please report this");
            return 2;
        }
    }
}
