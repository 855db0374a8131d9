package dev.blockwatch.config;

/**
 * An option that stops the agent: a bad value, an unknown key, a config file that cannot be read.
 * The message is one line naming the option, its value, where it came from and what is expected.
 */
public final class BadOptionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String option;
    private final boolean strict;

    BadOptionException(String option, String message, boolean strict) {
        // A user mistake, reported as one line: a stack trace would never be shown.
        super(message, null, false, false);
        this.option = option;
        this.strict = strict;
    }

    /** The key at fault, such as {@code threshold}, or the unknown key as the user wrote it. */
    public String option() {
        return option;
    }

    /**
     * The effective value of {@code strict}, resolved before every other option, so that a strict run knows to
     * refuse to start; {@code false} when {@code strict} itself is the option at fault.
     */
    public boolean strict() {
        return strict;
    }
}
