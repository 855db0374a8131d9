package dev.blockwatch.config;

/** One option as one source gave it: the raw text, trimmed, and where it came from, for error messages. */
record OptionValue(OptionKey key, String text, String origin) {

    /** The option as a message names it, such as {@code threshold=abc (agent argument)}. */
    String describe() {
        return key.optionName() + "=" + text + " (" + origin + ")";
    }
}
