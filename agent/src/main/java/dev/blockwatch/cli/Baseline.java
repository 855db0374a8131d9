package dev.blockwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The baseline file that {@code check --write-baseline} writes and {@code check --baseline} reads:
 * a text file meant to be committed, one line per {@link SiteKey}, sorted, with its p99 to one
 * decimal. It holds no counts or times, so that it changes only when a site appears, goes or
 * changes speed, and its diff says just that.
 */
final class Baseline {
    private static final String HEADER = String.join("\n",
            "# blockwatch baseline: the p99 of the blocking calls at each site, for",
            "#   java -jar blockwatch-agent.jar check <report.jsonl> --baseline <this file>",
            "# which fails on a site that is not listed here, or whose p99 grew by more than the tolerance.",
            "# Written by 'check <report.jsonl> --write-baseline <this file>'. To update it, run that on a",
            "# report of the new code and commit the file with the change that explains the difference.",
            "# A site is the calling method without its line number, so that editing other lines of its",
            "# file does not fail the check.",
            "# site category operation p99-ms",
            "");
    private static final Pattern MILLIS = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SortedMap<SiteKey, Double> p99Ms;

    private Baseline(SortedMap<SiteKey, Double> p99Ms) {
        this.p99Ms = p99Ms;
    }

    /** The site's p99 in the baseline, or null when the baseline does not list the site. */
    Double p99Ms(SiteKey key) {
        return p99Ms.get(key);
    }

    SortedMap<SiteKey, Double> sites() {
        return Collections.unmodifiableSortedMap(p99Ms);
    }

    /**
     * Milliseconds as the file holds them, one decimal: a report's p99 is compared at this precision,
     * so that a report always passes against the baseline written from it.
     */
    static double rounded(double millis) {
        return Double.parseDouble(text(millis));
    }

    static String text(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    static Baseline read(Path file) throws CommandFailure {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no baseline at " + file + ": no such file or directory; write one with"
                    + " --write-baseline " + file);
        } catch (IOException e) {
            throw CommandFailure.fileProblem("read baseline", file, e);
        }
        SortedMap<SiteKey, Double> sites = new TreeMap<>();
        Map<SiteKey, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] columns = WHITESPACE.split(line);
            if (columns.length < 4) {
                throw new CommandFailure(where + "expected 'site category operation p99-ms', found '" + line
                        + "'; rewrite the file with --write-baseline");
            }
            int n = columns.length;
            String p99 = columns[n - 1];
            if (!MILLIS.matcher(p99).matches()) {
                throw new CommandFailure(where + "the p99 '" + p99 + "' is not a number of milliseconds such as 20.0");
            }
            // the site is every column before the last three: category and operation never hold whitespace
            String method = String.join(" ", List.of(columns).subList(0, n - 3));
            SiteKey key = new SiteKey(method, columns[n - 3], columns[n - 2]);
            Integer first = lineOf.putIfAbsent(key, i + 1);
            if (first != null) {
                throw new CommandFailure(where + method + " " + key.category() + " " + key.operation()
                        + " is listed twice (first on line " + first + ")");
            }
            sites.put(key, Double.parseDouble(p99));
        }
        return new Baseline(sites);
    }

    /** Writes the sites, sorted by key, after the header that says what the file is and how to update it. */
    static void write(Path file, Collection<SiteCalls> sites) throws CommandFailure {
        StringBuilder text = new StringBuilder(HEADER);
        sites.stream().sorted((a, b) -> a.key().compareTo(b.key())).forEach(site -> text.append(site.key().method())
                .append(' ').append(site.key().category())
                .append(' ').append(site.key().operation())
                .append(' ').append(text(site.p99Ms())).append('\n'));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.fileProblem("write baseline", file, e);
        }
    }
}
