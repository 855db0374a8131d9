package dev.blockwatch.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The effective options of one agent run, validated. Immutable, so that every thread may read it without
 * synchronisation. Durations are in nanoseconds, as {@link System#nanoTime()} measures them.
 */
public final class BlockwatchOptions {
    private final long thresholdNanos;
    private final ThreadMode threads;
    private final Pattern threadNames;
    private final Set<Category> categories;
    private final List<AllowRule> allow;
    private final boolean log;
    private final Path json;
    private final boolean jfr;
    private final List<String> siteSkip;
    private final int stackDepth;
    private final long repeatNanos;
    private final boolean summaryAtExit;
    private final long summaryIntervalNanos;
    private final DetailMode detail;
    private final boolean strict;
    private final Path configFile;

    private BlockwatchOptions(Builder builder) {
        thresholdNanos = builder.thresholdNanos;
        threads = builder.threads;
        threadNames = builder.threadNames;
        categories = Collections.unmodifiableSet(EnumSet.copyOf(builder.categories));
        allow = List.copyOf(builder.allow);
        log = builder.log;
        json = builder.json;
        jfr = builder.jfr;
        siteSkip = List.copyOf(builder.siteSkip);
        stackDepth = builder.stackDepth;
        repeatNanos = builder.repeatNanos;
        summaryAtExit = builder.summaryAtExit;
        summaryIntervalNanos = builder.summaryIntervalNanos;
        detail = builder.detail;
        strict = builder.strict;
        configFile = builder.configFile;
    }

    /** The options of a run given none. */
    public static BlockwatchOptions defaults() {
        return new Builder().build();
    }

    /** Calls that take at least this long are reported. */
    public long thresholdNanos() {
        return thresholdNanos;
    }

    public ThreadMode threads() {
        return threads;
    }

    /** Threads whose names match are watched too; {@code null} when unset. */
    public Pattern threadNames() {
        return threadNames;
    }

    /** The instrumented categories, never empty. */
    public Set<Category> categories() {
        return categories;
    }

    public boolean categoryEnabled(Category category) {
        return categories.contains(category);
    }

    /** Calls made inside these types or methods are not reported. */
    public List<AllowRule> allow() {
        return allow;
    }

    /** Whether reports are logged (SLF4J or stderr). */
    public boolean log() {
        return log;
    }

    /** The absolute path of the JSON Lines file; {@code null} when unset. */
    public Path json() {
        return json;
    }

    /** Whether a JDK Flight Recorder event is emitted per report. */
    public boolean jfr() {
        return jfr;
    }

    /** Package prefixes whose frames are never a report's {@code site}. */
    public List<String> siteSkip() {
        return siteSkip;
    }

    /** Frames kept per stack, 1 to 1024. */
    public int stackDepth() {
        return stackDepth;
    }

    /** A call site's full stack is logged at most once per this interval; 0 logs it every time. */
    public long repeatNanos() {
        return repeatNanos;
    }

    /** Whether the per-site summary is written at exit: true for {@code exit} and for an interval. */
    public boolean summaryAtExit() {
        return summaryAtExit;
    }

    /** The interval between summaries; 0 when summaries are not periodic ({@code exit} or {@code off}). */
    public long summaryIntervalNanos() {
        return summaryIntervalNanos;
    }

    public DetailMode detail() {
        return detail;
    }

    /** Whether a bad option stops the JVM from starting rather than leaving the agent off. */
    public boolean strict() {
        return strict;
    }

    /** The absolute path of the config file that was read; {@code null} when none was named. */
    public Path configFile() {
        return configFile;
    }

    /**
     * The effective options as strings, for the JSON {@code agent-start} record: every key in DESIGN.md's table
     * order, each value in canonical form ({@code ""} for an unset option), then {@code config} when a config file
     * was read.
     */
    public Map<String, String> asStrings() {
        Map<String, String> strings = new LinkedHashMap<>();
        strings.put("threshold", DurationFormat.format(thresholdNanos));
        strings.put("threads", threads.optionName());
        strings.put("thread-names", threadNames == null ? "" : threadNames.pattern());
        strings.put("categories", categories.stream().map(Category::optionName).collect(Collectors.joining("+")));
        strings.put("allow", allow.stream().map(AllowRule::toString).collect(Collectors.joining("+")));
        strings.put("log", Boolean.toString(log));
        strings.put("json", json == null ? "" : json.toString());
        strings.put("jfr", Boolean.toString(jfr));
        strings.put("site-skip", String.join("+", siteSkip));
        strings.put("stack-depth", Integer.toString(stackDepth));
        strings.put("repeat", DurationFormat.format(repeatNanos));
        strings.put("summary", summaryString());
        strings.put("detail", detail.optionName());
        strings.put("strict", Boolean.toString(strict));
        if (configFile != null) {
            strings.put("config", configFile.toString());
        }
        return Collections.unmodifiableMap(strings);
    }

    private String summaryString() {
        if (summaryIntervalNanos > 0) {
            return DurationFormat.format(summaryIntervalNanos);
        }
        return summaryAtExit ? "exit" : "off";
    }

    /** The options as {@code key=value} pairs, for diagnostics. */
    @Override
    public String toString() {
        return asStrings().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "BlockwatchOptions{", "}"));
    }

    /** Collects validated values, starting from the defaults. */
    static final class Builder {
        private long thresholdNanos = 20_000_000L;
        private ThreadMode threads = ThreadMode.EVENT_LOOP;
        private Pattern threadNames;
        private Set<Category> categories = EnumSet.allOf(Category.class);
        private List<AllowRule> allow = List.of();
        private boolean log = true;
        private Path json;
        private boolean jfr;
        private List<String> siteSkip = List.of();
        private int stackDepth = 64;
        private long repeatNanos = 10_000_000_000L;
        private boolean summaryAtExit = true;
        private long summaryIntervalNanos;
        private DetailMode detail = DetailMode.REDACTED;
        private boolean strict;
        private Path configFile;

        Builder threshold(long nanos) {
            thresholdNanos = nanos;
            return this;
        }

        Builder threads(ThreadMode mode) {
            threads = mode;
            return this;
        }

        Builder threadNames(Pattern pattern) {
            threadNames = pattern;
            return this;
        }

        Builder categories(Set<Category> enabled) {
            categories = enabled;
            return this;
        }

        Builder allow(List<AllowRule> rules) {
            allow = rules;
            return this;
        }

        Builder log(boolean enabled) {
            log = enabled;
            return this;
        }

        Builder json(Path file) {
            json = file;
            return this;
        }

        Builder jfr(boolean enabled) {
            jfr = enabled;
            return this;
        }

        Builder siteSkip(List<String> prefixes) {
            siteSkip = prefixes;
            return this;
        }

        Builder stackDepth(int frames) {
            stackDepth = frames;
            return this;
        }

        Builder repeat(long nanos) {
            repeatNanos = nanos;
            return this;
        }

        /** {@code atExit} false with interval 0 is {@code off}; an interval implies a summary at exit too. */
        Builder summary(boolean atExit, long intervalNanos) {
            summaryAtExit = atExit;
            summaryIntervalNanos = intervalNanos;
            return this;
        }

        Builder detail(DetailMode mode) {
            detail = mode;
            return this;
        }

        Builder strict(boolean enabled) {
            strict = enabled;
            return this;
        }

        Builder configFile(Path file) {
            configFile = file;
            return this;
        }

        BlockwatchOptions build() {
            return new BlockwatchOptions(this);
        }
    }
}
