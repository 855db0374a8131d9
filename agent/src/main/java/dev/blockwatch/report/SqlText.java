package dev.blockwatch.report;

import dev.blockwatch.config.DetailMode;

/**
 * The SQL of a JDBC call as its report's {@code detail} shows it. A statement's literals may be
 * personal data or secrets, so unless {@code detail=full} each becomes {@code ?}, and comments,
 * which can hold anything, are dropped. The scanner knows no dialect: where dialects read the
 * same text differently it redacts whatever any of them reads as a value, never less:
 * <ul>
 * <li>a double-quoted name is a string in MySQL, so PostgreSQL's quoted identifiers become
 *     {@code ?} too;</li>
 * <li>a backslash escapes a quote in MySQL but not in PostgreSQL's standard strings, so
 *     {@code '...'} and {@code "..."} are read both ways and stay redacted until both readings
 *     agree they have ended, to the end of the SQL if they never do ({@code '\', 'x'} is two
 *     strings in PostgreSQL, a string, the name {@code x} and an open string in MySQL);</li>
 * <li>{@code #} starts a comment in MySQL, so a PostgreSQL operator such as {@code #>} loses the
 *     rest of its line;</li>
 * <li>{@code $a$} opens a PostgreSQL dollar quote even inside a word, so a rare name such as
 *     {@code a$b$c} loses the rest of the SQL;</li>
 * <li>square brackets are scanned like the rest, not kept whole: {@code [Order Details]} reads
 *     unchanged, but a PostgreSQL array such as {@code ARRAY['x']} must not keep its values;</li>
 * <li>a word that starts with a digit is a number, {@code 0x1F} or {@code 1_000} as much as a
 *     MySQL name such as {@code 2nd_try}.</li>
 * </ul>
 * A report line must be one line, so any whitespace outside literals collapses to one space and
 * whitespace inside them becomes a space. It runs on the application's thread for each reported
 * call: one pass, no regex.
 */
final class SqlText {
    /** Returned for quoted text that runs to the end of the SQL without being closed. */
    private static final int UNTERMINATED = -1;

    /** States of one reading of quoted text. */
    private static final int OUTSIDE = 0;
    private static final int INSIDE = 1;
    private static final int AFTER_BACKSLASH = 2;

    private final String sql;
    private final int length;
    private final boolean full;
    private final StringBuilder out;
    /** Whitespace or a comment was skipped: the next text written is preceded by one space. */
    private boolean spaceDue;

    private SqlText(String sql, boolean full) {
        this.sql = sql;
        this.length = sql.length();
        this.full = full;
        this.out = new StringBuilder(Math.min(length, ReportText.MAX_DETAIL_LENGTH + 1));
    }

    /** The SQL as a report shows it: literals replaced by ? unless full; one line; at most MAX_DETAIL_LENGTH chars. */
    static String describe(String sql, DetailMode mode) {
        if (sql == null || mode == DetailMode.NONE) {
            return null;
        }
        return new SqlText(sql, mode == DetailMode.FULL).text();
    }

    private String text() {
        // only the last token can end in a space, so once past the longest detail the rest cannot matter
        for (int next = 0; next < length && out.length() <= ReportText.MAX_DETAIL_LENGTH; ) {
            next = token(next);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        return ReportText.capped(out);
    }

    /** Writes the token that starts at start and returns where the next one starts. */
    private int token(int start) {
        char c = sql.charAt(start);
        char next = charAt(start + 1);
        if (Character.isWhitespace(c)) {
            spaceDue = true;
            return start + 1;
        }
        if (c == '#' || (c == '-' && next == '-')) {
            return comment(start, lineEnd(start));
        }
        if (c == '/' && next == '*') {
            return comment(start, blockCommentEnd(start));
        }
        if (c == '\'' || c == '"') {
            return literal(start, quotedEnd(start, true, false));
        }
        if (c == '`') {
            int end = quotedEnd(start, false, false);
            if (end == UNTERMINATED) {
                return literal(start, end); // the rest of the SQL, literals and all
            }
            keep(start, end);
            return end;
        }
        if (c == '$') {
            return dollar(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(next))) {
            return number(start);
        }
        if (isWordStart(c)) {
            return word(start);
        }
        emit(c);
        return start + 1;
    }

    /** Writes a value (from start to end, or to the end of the SQL if unterminated) and returns its end. */
    private int literal(int start, int end) {
        int stop = end == UNTERMINATED ? length : end;
        if (full) {
            keep(start, stop);
        } else {
            emit('?');
        }
        return stop;
    }

    private int comment(int start, int end) {
        if (full) {
            collapse(start, end);
        } else {
            spaceDue = true;
        }
        return end;
    }

    /** A word; a prefix glued to a quote, as in E'..', N'..', X'..', U&'..' or q'[..]', is part of the string. */
    private int word(int start) {
        int end = wordEnd(start + 1);
        int wordLength = end - start;
        char first = sql.charAt(start);
        if (charAt(end) == '\'') {
            char afterQuote = charAt(end + 1);
            char last = sql.charAt(end - 1);
            boolean oracleQuote = (last == 'q' || last == 'Q')
                    && (wordLength == 1 || (wordLength == 2 && (first == 'n' || first == 'N')))
                    && afterQuote != 0 && !Character.isWhitespace(afterQuote);
            if (oracleQuote) {
                return literal(start, oracleQuotedEnd(end));
            }
            if (wordLength == 1 && Character.isLetter(first)) {
                // only E'..' is read with backslash escapes alone; for the others the dialect is in doubt
                boolean escapeString = first == 'e' || first == 'E';
                return literal(start, quotedEnd(end, true, escapeString));
            }
        }
        if (wordLength == 1 && (first == 'u' || first == 'U') && charAt(end) == '&' && charAt(end + 1) == '\'') {
            return literal(start, quotedEnd(end + 1, true, false));
        }
        emit(start, end);
        return end;
    }

    /** 42, 0.15, .5, 1e10, 2.5E-3, and the word glued to it, so 0x1F and 1_000 too. */
    private int number(int start) {
        int end = digitsEnd(start);
        if (charAt(end) == '.') {
            end = digitsEnd(end + 1);
        }
        if (charAt(end) == 'e' || charAt(end) == 'E') {
            int exponent = end + 1;
            if (charAt(exponent) == '+' || charAt(exponent) == '-') {
                exponent++;
            }
            if (isDigit(charAt(exponent))) {
                end = digitsEnd(exponent);
            }
        }
        end = wordEnd(end);
        if (full) {
            emit(start, end);
        } else {
            emit('?');
        }
        return end;
    }

    /** A positional parameter $1, a dollar-quoted string $$..$$ or $tag$..$tag$, or a lone $. */
    private int dollar(int start) {
        int tagEnd = start + 1;
        if (isDigit(charAt(tagEnd))) {
            int end = digitsEnd(tagEnd);
            if (charAt(end) == '.' || isWordPart(charAt(end))) {
                emit('$'); // money, as in SQL Server's $12.50
                return number(tagEnd);
            }
            emit(start, end);
            return end;
        }
        if (isWordStart(charAt(tagEnd))) {
            tagEnd = wordEnd(tagEnd);
        }
        if (charAt(tagEnd) != '$') {
            emit('$');
            return start + 1;
        }
        String delimiter = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(delimiter, tagEnd + 1);
        return literal(start, close < 0 ? UNTERMINATED : close + delimiter.length());
    }

    /**
     * The end of the text quoted by the quote at open, read twice: once with backslash escapes
     * as firstReadsEscapes says, once as secondReadsEscapes says. A doubled quote reads as a
     * quote closed and opened again. The text ends where both readings are outside it, so it
     * holds all that either reads as quoted. Where one reading is outside and meets the start
     * of some other quoting or comment, which this scan does not follow, the readings can no
     * longer be trusted to meet again, and the text is unterminated.
     */
    private int quotedEnd(int open, boolean firstReadsEscapes, boolean secondReadsEscapes) {
        char quote = sql.charAt(open);
        int first = INSIDE;
        int second = INSIDE;
        for (int i = open + 1; i < length; i++) {
            char c = sql.charAt(i);
            if (c != quote && (first == OUTSIDE || second == OUTSIDE)) {
                if (first == second) {
                    return i;
                }
                if (opensQuoteOrComment(i)) {
                    return UNTERMINATED;
                }
            }
            first = read(first, c, quote, firstReadsEscapes);
            second = read(second, c, quote, secondReadsEscapes);
        }
        return first == OUTSIDE && second == OUTSIDE ? length : UNTERMINATED;
    }

    /** The state of one reading of quoted text after it reads c. */
    private static int read(int state, char c, char quote, boolean readsEscapes) {
        if (state == AFTER_BACKSLASH) {
            return INSIDE;
        }
        if (c == quote) {
            return state == INSIDE ? OUTSIDE : INSIDE;
        }
        if (state == INSIDE && readsEscapes && c == '\\') {
            return AFTER_BACKSLASH;
        }
        return state;
    }

    private boolean opensQuoteOrComment(int i) {
        char c = sql.charAt(i);
        char next = charAt(i + 1);
        return c == '\'' || c == '"' || c == '`' || c == '$' || c == '#'
                || (c == '-' && next == '-') || (c == '/' && next == '*');
    }

    /** The end of Oracle's q'[..]' whose quote is at open: the closing delimiter followed by a quote. */
    private int oracleQuotedEnd(int open) {
        char opening = sql.charAt(open + 1);
        char closing = opening == '[' ? ']' : opening == '{' ? '}' : opening == '(' ? ')' : opening == '<' ? '>' : opening;
        for (int i = open + 2; i + 1 < length; i++) {
            if (sql.charAt(i) == closing && sql.charAt(i + 1) == '\'') {
                return i + 2;
            }
        }
        return UNTERMINATED;
    }

    /** The end of a -- or # comment: its line break, which counts as whitespace. */
    private int lineEnd(int start) {
        int i = start;
        while (i < length && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The end of a block comment; nested ones count, as in PostgreSQL, so none leaves text behind. */
    private int blockCommentEnd(int start) {
        int depth = 1;
        int i = start + 2;
        while (i < length) {
            char c = sql.charAt(i);
            char next = charAt(i + 1);
            if (c == '/' && next == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && next == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    private int wordEnd(int start) {
        int i = start;
        while (i < length && isWordPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private int digitsEnd(int start) {
        int i = start;
        while (i < length && isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The char at i, or 0 past the end. */
    private char charAt(int i) {
        return i < length ? sql.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void separate() {
        if (spaceDue && out.length() > 0) {
            out.append(' ');
        }
        spaceDue = false;
    }

    private void emit(char c) {
        separate();
        out.append(c);
    }

    private void emit(int from, int to) {
        separate();
        out.append(sql, from, to);
    }

    /** Writes text as it is, but each whitespace character as a space, so the report stays one line. */
    private void keep(int from, int to) {
        separate();
        for (int i = from; i < to; i++) {
            char c = sql.charAt(i);
            out.append(Character.isWhitespace(c) ? ' ' : c);
        }
    }

    /** Writes text with each run of whitespace as one space. */
    private void collapse(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                spaceDue = true;
            } else {
                emit(c);
            }
        }
    }
}
