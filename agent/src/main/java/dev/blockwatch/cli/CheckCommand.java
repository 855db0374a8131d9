package dev.blockwatch.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code check <report.jsonl> [--max-ms X] [--baseline B] [--write-baseline B] [--tolerance P]}:
 * a CI gate over a report the agent wrote with {@code json=}. Exit 1 when a call lasted more than
 * {@code --max-ms}, or a site is not in the baseline, or a site's p99 grew by more than the
 * tolerance; every such problem is a row of the table printed, never just the first. Exit 2 (a
 * {@link CommandFailure}) for bad arguments or a report or baseline that cannot be read.
 */
final class CheckCommand {
    private static final String USAGE = "usage: java -jar blockwatch-agent.jar check <report.jsonl> [--max-ms X]"
            + " [--baseline B] [--write-baseline B] [--tolerance P]";
    private static final double DEFAULT_TOLERANCE_PERCENT = 50;
    private static final Set<String> OPTIONS = Set.of("--max-ms", "--baseline", "--write-baseline", "--tolerance");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private CheckCommand() {
    }

    /** What the command line asked for; null where an option was not given. */
    private static final class Arguments {
        Path report;
        Double maxMs;
        Path baseline;
        Path writeBaseline;
        Double tolerancePercent;

        double tolerancePercent() {
            return tolerancePercent != null ? tolerancePercent : DEFAULT_TOLERANCE_PERCENT;
        }
    }

    static int run(String[] args, PrintStream out) throws CommandFailure {
        Arguments arguments = parse(args);
        ReportCalls report = ReportCalls.read(arguments.report);
        Baseline baseline = arguments.baseline != null ? Baseline.read(arguments.baseline) : null;

        List<CheckProblem> problems = new ArrayList<>();
        if (arguments.maxMs != null) {
            problems.addAll(overMax(report, arguments.maxMs));
        }
        if (baseline != null) {
            problems.addAll(againstBaseline(report, baseline, arguments.tolerancePercent()));
        }
        // written before anything is printed: a failure to write is one error line, nothing else
        if (arguments.writeBaseline != null) {
            Baseline.write(arguments.writeBaseline, report.sites().values());
        }

        if (report.dropped() > 0) {
            out.println("check: warning: the agent dropped " + plural(report.dropped(), "report")
                    + " under load; this check saw only the " + plural(report.callCount(), "call") + " written");
        }
        if (!problems.isEmpty()) {
            ProblemTable.lines(problems).forEach(out::println);
        }
        if (baseline != null) {
            long absent = baseline.sites().keySet().stream().filter(key -> !report.sites().containsKey(key)).count();
            if (absent > 0) {
                out.println("check: " + plural(absent, "site") + " of baseline " + arguments.baseline
                        + (absent == 1 ? " is" : " are") + " not in this report (not a failure)");
            }
        }
        if (arguments.writeBaseline != null) {
            out.println("check: wrote " + plural(report.sites().size(), "site")
                    + " to baseline " + arguments.writeBaseline);
            if (arguments.maxMs == null && baseline == null) {
                return 0;
            }
        }
        out.println(verdict(arguments, report, problems));
        return problems.isEmpty() ? 0 : 1;
    }

    private static List<CheckProblem> overMax(ReportCalls report, double maxMs) {
        List<CheckProblem> problems = new ArrayList<>();
        for (SiteCalls site : report.sites().values()) {
            int over = site.countOver(maxMs);
            if (over > 0) {
                problems.add(new CheckProblem(CheckProblem.OVER_MAX, site, null,
                        over + " of " + plural(site.count(), "call") + " over " + plain(maxMs) + " ms"));
            }
        }
        return problems;
    }

    private static List<CheckProblem> againstBaseline(ReportCalls report, Baseline baseline, double tolerancePercent) {
        List<CheckProblem> newSites = new ArrayList<>();
        List<CheckProblem> slower = new ArrayList<>();
        for (SiteCalls site : report.sites().values()) {
            Double before = baseline.p99Ms(site.key());
            double now = Baseline.rounded(site.p99Ms());
            if (before == null) {
                newSites.add(new CheckProblem(CheckProblem.NEW_SITE, site, null, "not in the baseline"));
            } else if (now > before * (1 + tolerancePercent / 100)) {
                String growth = before > 0 ? "+" + Math.round((now / before - 1) * 100) + "%, " : "";
                slower.add(new CheckProblem(CheckProblem.SLOWER, site, before, "p99 " + Baseline.text(now) + " ms vs "
                        + Baseline.text(before) + " ms in baseline (" + growth + "tolerance " + plain(tolerancePercent) + "%)"));
            }
        }
        newSites.addAll(slower);
        return newSites;
    }

    private static String verdict(Arguments arguments, ReportCalls report, List<CheckProblem> problems) {
        String calls = plural(report.callCount(), "call") + " at " + plural(report.sites().size(), "site");
        if (!problems.isEmpty()) {
            List<String> counts = new ArrayList<>();
            for (String reason : List.of(CheckProblem.OVER_MAX, CheckProblem.NEW_SITE, CheckProblem.SLOWER)) {
                long count = problems.stream().filter(problem -> problem.reason().equals(reason)).count();
                if (count > 0) {
                    counts.add(count + " " + reason);
                }
            }
            return "check: FAILED, " + plural(problems.size(), "problem") + " (" + String.join(", ", counts)
                    + ") in " + calls + " of " + arguments.report;
        }
        List<String> criteria = new ArrayList<>();
        if (arguments.maxMs != null) {
            criteria.add("no call over --max-ms " + plain(arguments.maxMs) + " ms");
        }
        if (arguments.baseline != null) {
            criteria.add("every site in baseline " + arguments.baseline + ", none slower than its p99 + "
                    + plain(arguments.tolerancePercent()) + "%");
        }
        if (criteria.isEmpty()) {
            criteria.add("no --max-ms or --baseline given: the report was only read");
        }
        return "check: passed, " + calls + " of " + arguments.report + " (" + String.join("; ", criteria) + ")";
    }

    private static Arguments parse(String[] args) throws CommandFailure {
        Arguments arguments = new Arguments();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (arguments.report != null) {
                    throw new CommandFailure("check takes one report, and '" + arg + "' is a second; " + USAGE);
                }
                arguments.report = Path.of(arg);
                continue;
            }
            if (!OPTIONS.contains(arg)) {
                throw new CommandFailure("unknown option " + arg + " for check; " + USAGE);
            }
            if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                throw new CommandFailure(arg + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--max-ms":
                    arguments.maxMs = once(arg, arguments.maxMs, milliseconds(value));
                    break;
                case "--baseline":
                    arguments.baseline = once(arg, arguments.baseline, Path.of(value));
                    break;
                case "--write-baseline":
                    arguments.writeBaseline = once(arg, arguments.writeBaseline, Path.of(value));
                    break;
                default: // --tolerance
                    arguments.tolerancePercent = once(arg, arguments.tolerancePercent, tolerancePercent(value));
                    break;
            }
        }
        if (arguments.report == null) {
            throw new CommandFailure("check needs the report the agent wrote with json=<path>; " + USAGE);
        }
        return arguments;
    }

    private static <T> T once(String option, T previous, T value) throws CommandFailure {
        if (previous != null) {
            throw new CommandFailure(option + " is given twice; give it once");
        }
        return value;
    }

    private static double milliseconds(String text) throws CommandFailure {
        if (!NUMBER.matcher(text).matches()) {
            throw new CommandFailure("--max-ms " + text + ": expected a number of milliseconds such as 50 or 12.5");
        }
        return Double.parseDouble(text);
    }

    /** {@code 50%} or {@code 50}: both mean fifty percent. */
    static double tolerancePercent(String text) throws CommandFailure {
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        if (!NUMBER.matcher(number).matches()) {
            throw new CommandFailure("--tolerance " + text + ": expected a percentage such as 50% (or 50)");
        }
        return Double.parseDouble(number);
    }

    /** A number as the user would write it: {@code 50}, {@code 12.5}. */
    private static String plain(double number) {
        return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
