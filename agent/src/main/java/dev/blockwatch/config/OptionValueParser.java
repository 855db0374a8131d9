package dev.blockwatch.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Turns one option's text into its typed value. An empty value leaves the optional options ({@code thread-names},
 * {@code allow}, {@code json}, {@code site-skip}) unset, so that a source of higher precedence can clear them.
 */
final class OptionValueParser {
    private static final String CATEGORY_NAMES =
            Arrays.stream(Category.values()).map(Category::optionName).collect(Collectors.joining("+"));
    private static final Pattern PACKAGE_PREFIX = Pattern.compile("[\\p{javaJavaIdentifierPart}.]+");
    private static final Pattern STACK_DEPTH = Pattern.compile("\\d{1,9}");
    private static final int MAX_STACK_DEPTH = 1024;
    private static final String SUMMARY_EXPECTED = "expected exit, off or an interval above zero such as 60s";

    private OptionValueParser() {
    }

    static void apply(OptionKey key, String text, BlockwatchOptions.Builder options) throws InvalidValueException {
        switch (key) {
            case THRESHOLD -> options.threshold(DurationFormat.parseNanos(text));
            case THREADS -> options.threads(ThreadMode.ofOptionName(text)
                    .orElseThrow(() -> new InvalidValueException("expected event-loop or all")));
            case THREAD_NAMES -> options.threadNames(text.isEmpty() ? null : regex(text));
            case CATEGORIES -> options.categories(categories(text));
            case ALLOW -> options.allow(allowRules(text));
            case LOG -> options.log(bool(text));
            case JSON -> options.json(text.isEmpty() ? null : writableFile(text));
            case JFR -> options.jfr(bool(text));
            case SITE_SKIP -> options.siteSkip(packagePrefixes(text));
            case STACK_DEPTH -> options.stackDepth(stackDepth(text));
            case REPEAT -> options.repeat(DurationFormat.parseNanos(text));
            case SUMMARY -> summary(text, options);
            case DETAIL -> options.detail(DetailMode.ofOptionName(text)
                    .orElseThrow(() -> new InvalidValueException("expected redacted, full or none")));
            case STRICT -> options.strict(bool(text));
            case CONFIG -> throw new IllegalArgumentException("config names the config file; OptionSources reads it");
        }
    }

    static boolean bool(String text) throws InvalidValueException {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("expected true or false");
        };
    }

    private static Pattern regex(String text) throws InvalidValueException {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " near index " + e.getIndex() : "";
            throw new InvalidValueException("not a valid regular expression (" + e.getDescription() + where
                    + "); expected a java.util.regex pattern such as nioEventLoopGroup-.*");
        }
    }

    private static Set<Category> categories(String text) throws InvalidValueException {
        Set<Category> enabled = EnumSet.noneOf(Category.class);
        for (String name : plusSeparated(text)) {
            enabled.add(Category.ofOptionName(name).orElseThrow(() -> new InvalidValueException(
                    (name.isEmpty() ? "an empty category" : "unknown category '" + name + "'")
                            + "; expected one or more of " + CATEGORY_NAMES + ", separated by +")));
        }
        return enabled;
    }

    private static List<AllowRule> allowRules(String text) throws InvalidValueException {
        List<AllowRule> rules = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String entry : plusSeparated(text)) {
                rules.add(AllowRule.parse(entry));
            }
        }
        return rules;
    }

    private static List<String> packagePrefixes(String text) throws InvalidValueException {
        List<String> prefixes = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String prefix : plusSeparated(text)) {
                if (!PACKAGE_PREFIX.matcher(prefix).matches()) {
                    throw new InvalidValueException("'" + prefix + "' is not a package prefix; expected +-separated"
                            + " package prefixes such as org.springframework.jdbc+com.zaxxer.hikari");
                }
                prefixes.add(prefix);
            }
        }
        return prefixes;
    }

    private static int stackDepth(String text) throws InvalidValueException {
        if (STACK_DEPTH.matcher(text).matches()) {
            int frames = Integer.parseInt(text);
            if (frames >= 1 && frames <= MAX_STACK_DEPTH) {
                return frames;
            }
        }
        throw new InvalidValueException("expected a whole number of frames from 1 to " + MAX_STACK_DEPTH);
    }

    private static void summary(String text, BlockwatchOptions.Builder options) throws InvalidValueException {
        switch (text) {
            case "exit" -> options.summary(true, 0);
            case "off" -> options.summary(false, 0);
            default -> {
                long intervalNanos;
                try {
                    intervalNanos = DurationFormat.parseNanos(text);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException(SUMMARY_EXPECTED);
                }
                if (intervalNanos == 0) {
                    throw new InvalidValueException(SUMMARY_EXPECTED);
                }
                options.summary(true, intervalNanos);
            }
        }
    }

    /**
     * Checks, without creating it, that the JSON Lines file can be appended to, so that a mistyped path is reported
     * at start rather than at the first report.
     */
    private static Path writableFile(String text) throws InvalidValueException {
        String expected = "; expected the path of a writable file in an existing directory";
        Path file;
        try {
            file = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidValueException("not a valid path (" + e.getReason() + ")" + expected);
        }
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidValueException(file + " exists and is not a regular file" + expected);
            }
            if (!Files.isWritable(file)) {
                throw new InvalidValueException(file + " is not writable" + expected);
            }
            return file;
        }
        // An absolute path that does not exist is never the root, so it has a parent.
        Path directory = file.getParent();
        if (!Files.exists(directory)) {
            throw new InvalidValueException("directory " + directory + " does not exist" + expected);
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidValueException(directory + " is not a directory" + expected);
        }
        if (!Files.isWritable(directory)) {
            throw new InvalidValueException("directory " + directory + " is not writable" + expected);
        }
        return file;
    }

    // Splits on '+', keeping empty entries so that "file++socket" is reported rather than quietly accepted.
    private static List<String> plusSeparated(String text) {
        return Arrays.stream(text.split("\\+", -1)).map(String::trim).collect(Collectors.toList());
    }
}
