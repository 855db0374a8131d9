package dev.blockwatch.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The option keys, in the order of DESIGN.md's table, which {@link BlockwatchOptions#asStrings()} follows. */
enum OptionKey {
    THRESHOLD, THREADS, THREAD_NAMES, CATEGORIES, ALLOW, LOG, JSON, JFR, SITE_SKIP, STACK_DEPTH, REPEAT, SUMMARY,
    DETAIL, STRICT,
    /** Names the config file; it is not a setting itself, so the config file cannot hold it. */
    CONFIG;

    private final String optionName = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The key as users write it, such as {@code stack-depth}. */
    String optionName() {
        return optionName;
    }

    /** The system property that sets this option, such as {@code blockwatch.stack-depth}. */
    String propertyName() {
        return "blockwatch." + optionName;
    }

    /** The environment variable that sets this option, such as {@code BLOCKWATCH_STACK_DEPTH}. */
    String environmentName() {
        return "BLOCKWATCH_" + name();
    }

    static Optional<OptionKey> ofOptionName(String optionName) {
        for (OptionKey key : values()) {
            if (key.optionName.equals(optionName)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The keys a source may set, comma-separated, for error messages. */
    static String knownOptions(boolean withConfig) {
        return Arrays.stream(values())
                .filter(key -> withConfig || key != CONFIG)
                .map(OptionKey::optionName)
                .collect(Collectors.joining(", "));
    }
}
