package dev.blockwatch.cli;

/** A command that cannot be carried out: one line for the user, saying what is wrong and what to do. */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
