package dev.blockwatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser of one JSON value, enough for a JSON Lines report: objects become
 * insertion-ordered maps, arrays lists, whole numbers {@code Long} (beyond its range
 * {@code Double}), other numbers {@code Double}, {@code true}/{@code false} {@code Boolean},
 * {@code null} null. It rejects what JSON rejects, such as a raw control character inside a
 * string or a duplicate field, and says where: {@code expected ',' or '}' at column 57}.
 * Public so that the sinks' tests read what the sinks write with the same parser as {@code check}.
 */
public final class JsonParser {
    /** Deeper nesting than any record has; the limit keeps a hostile line from overflowing the stack. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int at;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    /** The one value the text holds, with nothing but whitespace around it. */
    public static Object parse(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.at != text.length()) {
            throw parser.error("unexpected " + parser.describeNext() + " after the value");
        }
        return value;
    }

    /** The object the text holds; any other value is malformed here. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new MalformedJsonException("a JSON object expected, found " + typeName(value));
        }
        return (Map<String, Object>) value;
    }

    /** How a value's type reads in a message: {@code a string}, {@code a number}, {@code null}. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else {
            return "a number";
        }
    }

    private Object value() {
        if (at >= text.length()) {
            throw error("a value expected, found the end of the text");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return nested(true);
            case '[':
                return nested(false);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw error("a value expected, found " + describeNext());
        }
    }

    private Object nested(boolean object) {
        if (++depth > MAX_DEPTH) {
            throw error("values nested deeper than " + MAX_DEPTH + " levels");
        }
        Object value = object ? object() : array();
        depth--;
        return value;
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        at++; // '{'
        skipWhitespace();
        if (peek('}')) {
            at++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw error("a field name in double quotes expected, found " + describeNext());
            }
            int nameAt = at;
            String name = string();
            if (object.containsKey(name)) {
                at = nameAt;
                throw error("field \"" + name + "\" appears twice");
            }
            skipWhitespace();
            if (!peek(':')) {
                throw error("':' expected after field name \"" + name + "\", found " + describeNext());
            }
            at++;
            skipWhitespace();
            object.put(name, value());
            skipWhitespace();
            if (peek('}')) {
                at++;
                return object;
            }
            if (!peek(',')) {
                throw error("',' or '}' expected after the value of field \"" + name + "\", found " + describeNext());
            }
            at++;
        }
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        at++; // '['
        skipWhitespace();
        if (peek(']')) {
            at++;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(value());
            skipWhitespace();
            if (peek(']')) {
                at++;
                return array;
            }
            if (!peek(',')) {
                throw error("',' or ']' expected after an array element, found " + describeNext());
            }
            at++;
        }
    }

    private String string() {
        int start = at;
        at++; // '"'
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                at = start;
                throw error("a string that is never closed");
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error(String.format("raw control character U+%04X in a string (JSON needs it escaped)", (int) c));
            }
            at++;
            if (c == '\\') {
                out.append(escape());
            } else {
                out.append(c);
            }
        }
    }

    /** The character an escape stands for, {@link #at} just past its backslash. */
    private char escape() {
        if (at >= text.length()) {
            throw error("an escape that is cut short");
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = at < text.length() ? hexDigit(text.charAt(at)) : -1;
                    if (digit < 0) {
                        throw error("\\u must be followed by 4 hexadecimal digits");
                    }
                    code = code * 16 + digit;
                    at++;
                }
                return (char) code; // a surrogate pair is two escapes, each one half
            default:
                at--;
                throw error("unknown escape \\" + escaped);
        }
    }

    /** The value of an ASCII hexadecimal digit, else -1 ({@link Character#digit} would take other scripts' digits too). */
    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private Object number() {
        int start = at;
        if (peek('-')) {
            at++;
        }
        if (peek('0')) {
            at++;
        } else {
            digits();
        }
        boolean whole = true;
        if (peek('.')) {
            whole = false;
            at++;
            digits();
        }
        if (peek('e') || peek('E')) {
            whole = false;
            at++;
            if (peek('+') || peek('-')) {
                at++;
            }
            digits();
        }
        String literal = text.substring(start, at);
        if (whole) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException beyondLong) {
                return Double.parseDouble(literal);
            }
        }
        return Double.parseDouble(literal);
    }

    private void digits() {
        if (at >= text.length() || !isDigit(text.charAt(at))) {
            throw error("a digit expected, found " + describeNext());
        }
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("a value expected, found " + describeNext());
        }
        at += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    /** The next character for a message: {@code 'x'}, or {@code the end of the text}. */
    private String describeNext() {
        if (at >= text.length()) {
            return "the end of the text";
        }
        char c = text.charAt(at);
        return c < 0x20 || Character.isWhitespace(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private MalformedJsonException error(String problem) {
        return new MalformedJsonException(problem + " at column " + (at + 1));
    }

    /** Text that is not the JSON the caller expected; the message says what and at which column. */
    public static final class MalformedJsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String message) {
            super(message);
        }
    }
}
