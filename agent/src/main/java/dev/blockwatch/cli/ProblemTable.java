package dev.blockwatch.cli;

import java.util.ArrayList;
import java.util.List;

/** The problems {@code check} found, as a table whose columns line up in a CI log. */
final class ProblemTable {
    private static final String[] HEADINGS = {"reason", "site", "category", "operation", "calls", "p99 ms",
            "baseline p99 ms", "max ms", "why"};
    /** Numbers are right-aligned so that their decimals line up. */
    private static final boolean[] NUMERIC = {false, false, false, false, true, true, true, true, false};

    private ProblemTable() {
    }

    static List<String> lines(List<CheckProblem> problems) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (CheckProblem problem : problems) {
            SiteCalls site = problem.site();
            rows.add(new String[] {problem.reason(), site.slowestSite(), site.key().category(),
                    site.key().operation(), Integer.toString(site.count()), Baseline.text(site.p99Ms()),
                    problem.baselineP99Ms() == null ? "-" : Baseline.text(problem.baselineP99Ms()),
                    Baseline.text(site.maxMs()), problem.why()});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                if (column > 0) {
                    line.append("  ");
                }
                String padding = " ".repeat(widths[column] - row[column].length());
                line.append(NUMERIC[column] ? padding + row[column] : row[column] + padding);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
