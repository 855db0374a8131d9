package dev.blockwatch.config;

import java.util.Optional;

/** Which threads are watched, as chosen by the {@code threads} option. */
public enum ThreadMode {
    /** Event-loop threads as DESIGN.md lists them, plus those matching {@code thread-names}. */
    EVENT_LOOP("event-loop"),
    /** Every thread but blockwatch's own. */
    ALL("all");

    private final String optionName;

    ThreadMode(String optionName) {
        this.optionName = optionName;
    }

    /** The option value naming this mode, such as {@code event-loop}. */
    public String optionName() {
        return optionName;
    }

    static Optional<ThreadMode> ofOptionName(String optionName) {
        for (ThreadMode mode : values()) {
            if (mode.optionName.equals(optionName)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
