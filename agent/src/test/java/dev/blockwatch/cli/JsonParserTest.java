package dev.blockwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict JSON parser that check reads reports with: the values, and where malformed text goes wrong. */
class JsonParserTest {
    private static String problem(String text) {
        return assertThrows(JsonParser.MalformedJsonException.class, () -> JsonParser.parse(text)).getMessage();
    }

    @Test
    void anObjectKeepsItsFieldsInOrder() {
        Map<String, Object> object = JsonParser.parseObject("{\"b\":1,\"a\":\"x\",\"c\":null}");

        assertEquals(List.of("b", "a", "c"), new ArrayList<>(object.keySet()));
        assertEquals(1L, object.get("b"));
        assertEquals("x", object.get("a"));
        assertTrue(object.containsKey("c"));
        assertNull(object.get("c"));
    }

    @Test
    void valuesOfEveryKind() {
        assertEquals(Arrays.asList(true, false, null, List.of(), Map.of(), List.of(1L, List.of("a"))),
                JsonParser.parse(" [ true , false , null , [ ] , { } , [1, [\"a\"]] ] "));
    }

    @Test
    void wholeNumbersAreLongsAndOthersDoubles() {
        assertEquals(List.of(0L, -7L, 1042L, 512.3, -0.5, 1500.0, 0.025),
                JsonParser.parse("[0,-7,1042,512.3,-0.5,1.5e3,2.5E-2]"));
        assertEquals(Long.MAX_VALUE, JsonParser.parse("9223372036854775807"));
        assertEquals(1e19, JsonParser.parse("10000000000000000000"));
    }

    @Test
    void escapesAreDecoded() {
        assertEquals("\"\\/\b\f\n\r\t", JsonParser.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("é\u0001\uD83D\uDE00", JsonParser.parse("\"\\u00e9\\u0001\\uD83D\\uDE00\""));
        assertEquals("événement ✓", JsonParser.parse("\"événement ✓\""));
    }

    @Test
    void malformedTextSaysWhatAndAtWhichColumn() {
        assertEquals("',' or '}' expected after the value of field \"a\", found '\"' at column 8",
                problem("{\"a\":1 \"b\":2}"));
        assertEquals("a value expected, found the end of the text at column 6", problem("{\"a\":"));
        assertEquals("a string that is never closed at column 6", problem("{\"a\":\"abc"));
        assertEquals("a field name in double quotes expected, found 'a' at column 2", problem("{a:1}"));
        assertEquals("':' expected after field name \"a\", found '1' at column 6", problem("{\"a\" 1}"));
        assertEquals("',' or ']' expected after an array element, found '}' at column 3", problem("[1}"));
        assertEquals("unexpected '}' after the value at column 3", problem("{}}"));
        assertEquals("a value expected, found 'x' at column 1", problem("xyz"));
        assertEquals("a value expected, found 't' at column 1", problem("tru"));
        assertEquals("a value expected, found the end of the text at column 1", problem(""));
    }

    @Test
    void whatJsonRejectsIsRejected() {
        assertEquals("raw control character U+000A in a string (JSON needs it escaped) at column 3", problem("\"a\nb\""));
        assertEquals("field \"a\" appears twice at column 8", problem("{\"a\":1,\"a\":2}"));
        assertEquals("unknown escape \\x at column 3", problem("\"\\x\""));
        assertEquals("\\u must be followed by 4 hexadecimal digits at column 6", problem("\"\\u12g4\""));
        assertEquals("\\u must be followed by 4 hexadecimal digits at column 4", problem("\"\\u+123\""));
        assertEquals("\\u must be followed by 4 hexadecimal digits at column 4", problem("\"\\u\uFF10\uFF10\uFF10\uFF10\""));
        assertEquals("unexpected '1' after the value at column 2", problem("01"));
        assertEquals("a digit expected, found '.' at column 2", problem("-.5"));
        assertEquals("a digit expected, found ']' at column 4", problem("[1.]"));
        assertEquals("a value expected, found '+' at column 1", problem("+1"));
        assertEquals("a value expected, found 'N' at column 1", problem("NaN"));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        assertEquals("values nested deeper than 256 levels at column 257", problem("[".repeat(100_000)));
        assertEquals(1, ((List<?>) JsonParser.parse("[".repeat(256) + "]".repeat(256))).size());
    }

    @Test
    void parseObjectRejectsOtherValues() {
        assertEquals("a JSON object expected, found an array", assertThrows(JsonParser.MalformedJsonException.class,
                () -> JsonParser.parseObject("[1]")).getMessage());
        assertEquals("a JSON object expected, found a string", assertThrows(JsonParser.MalformedJsonException.class,
                () -> JsonParser.parseObject("\"{}\"")).getMessage());
    }
}
