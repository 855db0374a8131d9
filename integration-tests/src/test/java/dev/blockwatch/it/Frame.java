package dev.blockwatch.it;

import java.util.regex.Pattern;

/**
 * Recognizes a stack frame written as {@code StackTraceElement.toString()} writes it, such as a
 * report's {@code site}: the class and method must be exactly the given ones, with the class's
 * source file and a line number; a class-loader or module prefix ({@code app//}, {@code java.base/})
 * may lead, as DESIGN.md allows.
 */
final class Frame {
    private Frame() {
    }

    /** A regular expression for a frame of {@code type.method}, without anchors, for use inside longer patterns. */
    static String pattern(Class<?> type, String method) {
        return "(?:[^/\\s(]*/){0,2}"
                + Pattern.quote(type.getName() + "." + method + "(" + sourceFile(type) + ":")
                + "\\d+\\)";
    }

    static boolean is(String frame, Class<?> type, String method) {
        return frame != null && frame.matches(pattern(type, method));
    }

    /** Whether the frame is in the named method of a class that is not ours, such as a JDK class. */
    static boolean isMethod(String frame, String qualifiedMethod) {
        return frame != null
                && frame.matches("(?:[^/\\s(]*/){0,2}" + Pattern.quote(qualifiedMethod + "(") + ".*\\)");
    }

    private static String sourceFile(Class<?> type) {
        Class<?> outermost = type;
        while (outermost.getEnclosingClass() != null) {
            outermost = outermost.getEnclosingClass();
        }
        return outermost.getSimpleName() + ".java";
    }
}
