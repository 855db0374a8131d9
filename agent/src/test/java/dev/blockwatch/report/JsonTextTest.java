package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.blockwatch.cli.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON string literals: exact escapes, and a round trip through a strict reader. */
class JsonTextTest {
    private static String string(String value) {
        StringBuilder out = new StringBuilder();
        JsonText.string(out, value);
        return out.toString();
    }

    @Test
    void plainTextIsQuoted() {
        assertEquals("\"nioEventLoopGroup-2-1\"", string("nioEventLoopGroup-2-1"));
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("\"say \\\"hi\\\" to C:\\\\data\\\\x\"", string("say \"hi\" to C:\\data\\x"));
    }

    @Test
    void controlCharactersAreEscaped() {
        assertEquals("\"a\\nb\\rc\\td\"", string("a\nb\rc\td"));
        assertEquals("\"\\u0000\\u0001\\u0008\\u000c\\u001f\"", string("\u0000\u0001\b\f\u001f"));
    }

    @Test
    void otherCharactersArePassedThrough() {
        assertEquals("\"/ é ✓ \u007f\"", string("/ é ✓ \u007f"));
    }

    @Test
    void nullIsTheJsonNull() {
        assertEquals("null", string(null));
    }

    @Test
    void everyCharacterReadsBackAsWritten() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            every.append(c);
        }
        every.append("\u2028\u2029\uD83D\uDE00");

        assertEquals(every.toString(), JsonParser.parse(string(every.toString())));
    }

    @Test
    void aFieldIsNameColonValue() {
        StringBuilder out = new StringBuilder("{");
        JsonText.field(out, "detail", "/tmp/a \"b\"\n");
        out.append(',');
        JsonText.field(out, "site", null);
        out.append('}');

        assertEquals("{\"detail\":\"/tmp/a \\\"b\\\"\\n\",\"site\":null}", out.toString());
        Map<String, Object> object = JsonParser.parseObject(out.toString());
        assertEquals("/tmp/a \"b\"\n", object.get("detail"));
        assertNull(object.get("site"));
        assertEquals(2, object.size());
    }
}
