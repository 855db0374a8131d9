package dev.blockwatch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The calls of a blockwatch JSON Lines report ({@code json=<path>}), per {@link SiteKey}. The sink
 * appends, so a file may hold several runs of the agent, each starting with its
 * {@code agent-start} record; a call is its run and its {@code callId}. A call still blocked at the
 * threshold has an {@code inProgress} record before its final one: it counts once, with its final
 * duration, or with its in-progress one (it was at least that long) when no final record was written.
 */
final class ReportCalls {
    private final SortedMap<SiteKey, SiteCalls> sites;
    private final int callCount;
    private final long dropped;

    private ReportCalls(SortedMap<SiteKey, SiteCalls> sites, int callCount, long dropped) {
        this.sites = sites;
        this.callCount = callCount;
        this.dropped = dropped;
    }

    /** The calls per site, sorted by site key. */
    SortedMap<SiteKey, SiteCalls> sites() {
        return Collections.unmodifiableSortedMap(sites);
    }

    int callCount() {
        return callCount;
    }

    /** Final reports the agent dropped under load, over all runs: calls this report does not hold. */
    long dropped() {
        return dropped;
    }

    static ReportCalls read(Path file) throws CommandFailure {
        if (Files.isDirectory(file)) {
            throw new CommandFailure("cannot read report " + file + ": it is a directory; give the file that"
                    + " the agent's json= option named");
        }
        Reading reading = new Reading(file);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                reading.line(line);
            }
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no report at " + file + ": no such file or directory (was the agent running"
                    + " with json=" + file + "?)");
        } catch (IOException e) {
            throw CommandFailure.fileProblem("read report", file, e);
        }
        return reading.finish();
    }

    /** One pass over the file: the calls of the current run, and what the finished runs added up to. */
    private static final class Reading {
        private final Path file;
        private final SortedMap<SiteKey, SiteCalls> sites = new TreeMap<>();
        /** The current run's calls by callId: a final record replaces an in-progress one. */
        private final Map<Long, Call> runCalls = new HashMap<>();
        private int lineNumber;
        private int records;
        private int blockwatchRecords;
        private int callCount;
        private long runDropped;
        private long dropped;

        Reading(Path file) {
            this.file = file;
        }

        void line(String line) throws CommandFailure {
            lineNumber++;
            if (line.isBlank()) {
                return;
            }
            Map<String, Object> record;
            try {
                record = JsonParser.parseObject(line);
            } catch (JsonParser.MalformedJsonException e) {
                throw failure("not a JSON object: " + e.getMessage()
                        + " (a blockwatch report holds one JSON object a line; was this line edited or cut short?)");
            }
            records++;
            Object event = record.get("event");
            if ("agent-start".equals(event)) {
                blockwatchRecords++;
                endRun();
            } else if ("blocking-call".equals(event)) {
                blockwatchRecords++;
                call(record);
            } else if ("summary".equals(event)) {
                blockwatchRecords++;
                summary(record);
            }
        }

        private void call(Map<String, Object> record) throws CommandFailure {
            long callId = wholeNumber(record, "callId");
            String category = string(record, "category");
            String operation = string(record, "operation");
            string(record, "thread"); // not judged, but a record without it is not one the agent wrote
            boolean inProgress = required(record, "inProgress", Boolean.class, "true or false");
            double durationMs = required(record, "durationMs", Number.class, "a number").doubleValue();
            if (durationMs < 0) {
                throw failure("\"durationMs\" of a blocking-call record must not be negative, found " + durationMs);
            }
            Object site = record.get("site");
            if (site != null && !(site instanceof String)) {
                throw failure("\"site\" of a blocking-call record must be a string or null, found " + found(site));
            }
            Call call = new Call(SiteKey.of((String) site, category, operation), (String) site, durationMs, inProgress);
            runCalls.merge(callId, call, Call::moreComplete);
        }

        private void summary(Map<String, Object> record) throws CommandFailure {
            if (record.containsKey("dropped")) {
                // dropped counts since the agent started: a run's latest summary holds its total
                runDropped = Math.max(runDropped, wholeNumber(record, "dropped"));
            }
        }

        private void endRun() {
            for (Call call : runCalls.values()) {
                sites.computeIfAbsent(call.key, SiteCalls::new).add(call.durationMs, call.site);
            }
            callCount += runCalls.size();
            runCalls.clear();
            dropped += runDropped;
            runDropped = 0;
        }

        ReportCalls finish() throws CommandFailure {
            if (records == 0) {
                throw new CommandFailure(file + " is empty: blockwatch wrote nothing there (was the agent"
                        + " running with json=" + file + "?)");
            }
            if (blockwatchRecords == 0) {
                throw new CommandFailure(file + " holds no blockwatch records (agent-start, blocking-call,"
                        + " summary) in its " + lineNumber + " lines; give the file that the agent's json= option named");
            }
            endRun();
            return new ReportCalls(sites, callCount, dropped);
        }

        private String string(Map<String, Object> record, String name) throws CommandFailure {
            return required(record, name, String.class, "a string");
        }

        private long wholeNumber(Map<String, Object> record, String name) throws CommandFailure {
            return required(record, name, Long.class, "a whole number");
        }

        private <T> T required(Map<String, Object> record, String name, Class<T> type, String expected)
                throws CommandFailure {
            if (!record.containsKey(name)) {
                throw failure(record.get("event") + " record without \"" + name + "\"");
            }
            Object value = record.get(name);
            if (!type.isInstance(value)) {
                throw failure("\"" + name + "\" of a " + record.get("event") + " record must be " + expected
                        + ", found " + found(value));
            }
            return type.cast(value);
        }

        /** A wrong value as a message shows it: a number itself, else its type. */
        private static String found(Object value) {
            return value instanceof Number ? value.toString() : JsonParser.typeName(value);
        }

        private CommandFailure failure(String problem) {
            return new CommandFailure(file + ":" + lineNumber + ": " + problem);
        }
    }

    /** One call of a run, as its most complete record tells it. */
    private record Call(SiteKey key, String site, double durationMs, boolean inProgress) {
        /** The final record wins over an in-progress one; of two of the same kind, the longer. */
        static Call moreComplete(Call a, Call b) {
            if (a.inProgress != b.inProgress) {
                return a.inProgress ? b : a;
            }
            return a.durationMs >= b.durationMs ? a : b;
        }
    }
}
