package dev.blockwatch.config;

/**
 * A value that its option cannot take. The message says what is wrong with the value and what is expected;
 * {@link OptionSources} adds the option, the value and where it came from.
 */
final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String message) {
        // A user mistake, reported as one line: a stack trace would never be shown.
        super(message, null, false, false);
    }
}
