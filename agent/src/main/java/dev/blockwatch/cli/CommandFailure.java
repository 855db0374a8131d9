package dev.blockwatch.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A command that cannot be carried out: one line for the user, saying what is wrong and what to do. */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * A file that could not be read or written, such as {@code cannot read baseline b.txt: no such
     * file or directory}: an {@link IOException}'s own message is often the bare path.
     */
    static CommandFailure fileProblem(String action, Path file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof CharacterCodingException) {
            why = "not UTF-8 text";
        } else {
            why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new CommandFailure("cannot " + action + " " + file + ": " + why);
    }
}
