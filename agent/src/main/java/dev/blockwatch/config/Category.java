package dev.blockwatch.config;

import java.util.Locale;
import java.util.Optional;

/** The families of blocking calls that blockwatch can instrument, as named by the {@code categories} option. */
public enum Category {
    FILE, SOCKET, DNS, PROCESS, SLEEP, WAIT, JDBC, REDIS;

    // values() clones its array on every call; ofId runs on instrumented calls.
    private static final Category[] BY_ID = values();

    private final String optionName = name().toLowerCase(Locale.ROOT);

    /** The name used in the {@code categories} option and in reports, such as {@code file}. */
    public String optionName() {
        return optionName;
    }

    /** The category whose {@link #ordinal()} is {@code id}: the bootstrap runtime passes categories as ints. */
    public static Category ofId(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException(
                    "no category has id " + id + "; ids run from 0 to " + (BY_ID.length - 1));
        }
        return BY_ID[id];
    }

    static Optional<Category> ofOptionName(String optionName) {
        for (Category category : BY_ID) {
            if (category.optionName.equals(optionName)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
