package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.blockwatch.config.DetailMode;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL a JDBC report shows: never a literal unless detail=full, always one line. */
class SqlTextTest {
    private static String redacted(String sql) {
        return SqlText.describe(sql, DetailMode.REDACTED);
    }

    private static String full(String sql) {
        return SqlText.describe(sql, DetailMode.FULL);
    }

    @Test
    void literalsBecomePlaceholders() {
        assertEquals("SELECT ?, ?, pg_sleep(?)", redacted("SELECT 'secret-literal', 42, pg_sleep(0.15)"));
        assertEquals("SELECT pg_sleep(?)", redacted("SELECT pg_sleep(0.15)"));
        assertEquals("SELECT SLEEP(?)", redacted("SELECT SLEEP(0.15)"));
        assertEquals("select * from users where name = ? and id in (?, ?, ?)",
                redacted("select * from users where name = 'O''Brien' and id in (1, 2, 3)"));
    }

    @Test
    void detailFullKeepsTheSqlAsWritten() {
        assertEquals("SELECT 'secret-literal', 42, pg_sleep(0.15)", full("SELECT 'secret-literal', 42, pg_sleep(0.15)"));
        assertEquals("WHERE a = E'it\\'s' AND b = $$x$$ -- why", full("WHERE a = E'it\\'s' AND b = $$x$$ -- why"));
    }

    @Test
    void commentsAreDroppedAndLinesJoined() {
        String sql = "SELECT id, -- the key\n"
                + "       name /* the\n"
                + "       display name */\r\n"
                + "FROM users # a MySQL comment\n"
                + "WHERE id = 7\n";

        assertEquals("SELECT id, name FROM users WHERE id = ?", redacted(sql));
        assertEquals("SELECT id, -- the key name /* the display name */ FROM users # a MySQL comment WHERE id = 7",
                full(sql));
        assertEquals("SELECT ?", redacted("SELECT/*x*/1"));
        assertEquals("a b", redacted("a/*x*/b"));
        assertEquals("SELECT ?", redacted("SELECT /* a /* nested */ still comment */ 1"));
    }

    @Test
    void dollarQuotedStringsAreRedactedAndPositionalParametersKept() {
        assertEquals("SELECT ?, ? FROM t WHERE a = $1 AND b = $2",
                redacted("SELECT $$it's a secret$$, $body$ secret $$ still $body$ FROM t WHERE a = $1 AND b = $2"));
        assertEquals("DO ?", redacted("DO $$\nBEGIN\n  RAISE NOTICE 'x';\nEND\n$$"));
        assertEquals("SELECT $q$a  b$q$", full("SELECT $q$a\n b$q$"));
        assertEquals("SELECT $?, $x", redacted("SELECT $12.50, $x"));
    }

    @Test
    void aPrefixGluedToAStringIsPartOfIt() {
        assertEquals("SELECT ?, ?, ?, ?, ?, ?, _utf8mb4?",
                redacted("SELECT E'x', n'y', X'1F', b'0101', U&'d\\0061t', u&'x', _utf8mb4'z'"));
        assertEquals("?", redacted("E'x'"));
        assertEquals("name?", redacted("name'x'"));
        assertEquals("SELECT nameE?", redacted("SELECT nameE'x'"));
        assertEquals("WHERE a = ? AND b = ?", redacted("WHERE a = E'it\\'s' AND b = 2"));
        assertEquals("SELECT ?, ?, ? FROM dual", redacted("SELECT q'[it's]', Nq'{a'b}', Q'!x!' FROM dual"));
    }

    @Test
    void numbersAreRedactedButNotTheDigitsOfNames() {
        assertEquals("SELECT ?, ?, ?, ?, ?, ?, ? FROM t",
                redacted("SELECT 0x1F, 1e10, 2.5E-3, .5, 10., 1_000, 2nd FROM t"));
        assertEquals("SELECT t1.c2, col_2, x1y2 FROM table1 t1", redacted("SELECT t1.c2, col_2, x1y2 FROM table1 t1"));
        assertEquals("WHERE x > -? AND y = +?", redacted("WHERE x > -5 AND y = +.5e-3"));
    }

    @Test
    void aBackslashEscapedQuoteDoesNotEndAString() {
        assertEquals("SELECT ?", redacted("SELECT 'a\\'b secret'"));
        assertEquals("SELECT ? , ?", redacted("SELECT 'C:\\\\' , 1"));
    }

    @Test
    void whereDialectsReadBackslashesDifferentlyAllTheyMightQuoteIsRedacted() {
        // PostgreSQL: two strings; MySQL: a string, the name secret, an open string
        assertEquals("SELECT ?", redacted("SELECT '\\', 'secret' FROM t"));
        assertEquals("INSERT INTO paths VALUES (?", redacted("INSERT INTO paths VALUES ('C:\\temp\\', 'secret-token')"));
        // both readings end together after the second escaped quote
        assertEquals("INSERT INTO t VALUES (?, ?)", redacted("INSERT INTO t VALUES ('it\\'s', 'don\\'t', 5)"));
        assertEquals("SELECT ?", redacted("SELECT 'a\\'b secret' FROM t"));
    }

    @Test
    void anUnterminatedLiteralOrCommentRunsToTheEnd() {
        assertEquals("SELECT ?", redacted("SELECT 'secret, 1"));
        assertEquals("SELECT ?", redacted("SELECT \"secret, 1"));
        assertEquals("SELECT ?", redacted("SELECT 1 /* secret"));
        assertEquals("SELECT ?", redacted("SELECT 1 -- secret"));
        assertEquals("SELECT ?", redacted("SELECT `a, 'secret'"));
        assertEquals("SELECT ?", redacted("SELECT $tag$ secret"));
        assertEquals("SELECT ?", redacted("SELECT q'[secret"));
        assertEquals("SELECT 'abc", full("SELECT 'abc  \n"));
    }

    @Test
    void quotedNamesInBackticksAndBracketsAreKeptButDoubleQuotesAreNot() {
        assertEquals("SELECT `order`, `col 1`, `a``b` FROM `my table`",
                redacted("SELECT `order`, `col 1`, `a``b` FROM `my table`"));
        assertEquals("SELECT `a b`", redacted("SELECT `a\nb`"));
        assertEquals("SELECT [Order Details].[Unit Price] FROM [dbo].[Orders]",
                redacted("SELECT [Order Details].[Unit Price] FROM [dbo].[Orders]"));
        assertEquals("SELECT ARRAY[?, ?], arr[?]", redacted("SELECT ARRAY['secret', 42], arr[1]"));
        assertEquals("SELECT ? FROM ?", redacted("SELECT \"name\" FROM \"users\""));
    }

    @Test
    void placeholdersAndKeywordsAreKept() {
        String sql = "UPDATE t SET a = ?, b = NULL, c = TRUE WHERE d = FALSE AND e = ?";

        assertEquals(sql, redacted(sql));
    }

    @Test
    void whitespaceBecomesSingleSpacesOnOneLine() {
        assertEquals("SELECT a , b", redacted("\n\t SELECT\r\n  a ,\tb  \n"));
        assertEquals("SELECT a , b", full("\n\t SELECT\r\n  a ,\tb  \n"));
        assertEquals("SELECT ?", redacted("SELECT" + " ".repeat(5000) + "1"));
        assertEquals("SELECT 'a b', 'c  d', `e f`", full("SELECT 'a\nb',\n  'c\r\nd', `e\tf`"));
    }

    @Test
    void longSqlIsCutWithAnEllipsis() {
        String fits = "SELECT " + "a".repeat(ReportText.MAX_DETAIL_LENGTH - 7);
        assertEquals(fits, full(fits));
        assertEquals(fits, full(fits + "   "));

        String tooLong = fits + "b";
        assertEquals(fits + "\u2026", full(tooLong));
        assertEquals(fits + "\u2026", redacted(tooLong));

        String values = "INSERT INTO t VALUES (" + "?, ".repeat(3000) + "?)";
        assertEquals(values.substring(0, ReportText.MAX_DETAIL_LENGTH) + "\u2026",
                redacted("INSERT INTO t VALUES (" + "1, ".repeat(3000) + "1)"));
    }

    @Test
    void theCutDoesNotSplitACharacter() {
        String name = "a".repeat(ReportText.MAX_DETAIL_LENGTH - 1);

        assertEquals(name + "\u2026", full(name + "\uD83D\uDE00b"));
    }

    @Test
    void detailNoneOrNoSqlHasNoDetail() {
        assertNull(SqlText.describe("SELECT 1", DetailMode.NONE));
        assertNull(SqlText.describe(null, DetailMode.REDACTED));
        assertNull(SqlText.describe(null, DetailMode.FULL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 'secret'",
        "SELECT 'SECRET'",
        "SELECT 'it''s secret'",
        "SELECT 'a''secret'''",
        "SELECT 'a\\'b secret'",
        "SELECT 'a\\'b secret' FROM t",
        "SELECT '\\', 'secret'",
        "INSERT INTO p VALUES ('C:\\dir\\', 'secret', 'x')",
        "SELECT E'\\\\', 'secret'",
        "SELECT e'\\'' , 'secret'",
        "SELECT 'x\\\\', 'secret'",
        "SELECT '\\' || $1 || 'secret'",
        "SELECT '\\' -- \\' x' secret",
        "SELECT '\\' /* ' */ 'secret'",
        "SELECT '\\' \"x' secret\"",
        "SELECT \"\\\" , 'secret'",
        "SELECT \"secret\"",
        "SELECT \"a\\\"b secret\"",
        "SELECT 'x' AS \"secret\"",
        "SELECT $$secret$$",
        "SELECT $tag$ secret $tag$",
        "SELECT $a$ $$ secret $$ $a$",
        "SELECT $tag$ secret",
        "SELECT 'unterminated secret",
        "SELECT 'line\nsecret'",
        "SELECT /* secret */ 1",
        "SELECT 1 -- secret",
        "SELECT 1 # secret",
        "SELECT 1 /* unterminated secret",
        "SELECT /* a /* b */ secret */ 1",
        "SELECT N'secret', X'secret', U&'secret', _utf8mb4'secret'",
        "SELECT q'[it's secret]', q'{secret}', nq'<secret>'",
        "SELECT ARRAY['secret']",
        "SELECT 'a' 'secret'",
        "SELECT `a`, 'secret'",
        "SELECT `a, 'secret'",
        "SELECT {d 'secret'}",
        "SELECT INTERVAL 'secret'",
        "SELECT $1, 'secret'",
        "WHERE a = 'secret' -- 'comment",
    })
    void noLiteralLeaks(String sql) {
        String shown = redacted(sql);

        assertFalse(shown.toLowerCase(Locale.ROOT).contains("secret"), shown);
        assertFalse(full(sql).contains("\n"));
    }
}
