package dev.blockwatch.config;

import java.util.Locale;
import java.util.Optional;

/** How much of a call's arguments a report's {@code detail} carries, as chosen by the {@code detail} option. */
public enum DetailMode {
    /** SQL literals become {@code ?}, no Redis arguments, a process as its program and argument count. */
    REDACTED,
    /** Everything the call was given, except credentials. */
    FULL,
    /** No detail at all. */
    NONE;

    private final String optionName = name().toLowerCase(Locale.ROOT);

    /** The option value naming this mode, such as {@code redacted}. */
    public String optionName() {
        return optionName;
    }

    static Optional<DetailMode> ofOptionName(String optionName) {
        for (DetailMode mode : values()) {
            if (mode.optionName.equals(optionName)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
