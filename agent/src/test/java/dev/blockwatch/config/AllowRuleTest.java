package dev.blockwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowRuleTest {

    @Test
    void aMethodRuleMatchesOnlyThatMethodOfThatType() throws InvalidValueException {
        AllowRule rule = AllowRule.parse("com.example.Handler#channelRead");

        assertEquals("com.example.Handler", rule.typeName());
        assertEquals("channelRead", rule.methodName());
        assertTrue(rule.matches("com.example.Handler", "channelRead"));
        assertFalse(rule.matches("com.example.Handler", "channelActive"));
        assertFalse(rule.matches("com.example.Other", "channelRead"));
        assertFalse(rule.matches("com.example.HandlerX", "channelRead"));
    }

    @Test
    void aTypeRuleMatchesEveryMethodOfThatType() throws InvalidValueException {
        AllowRule rule = AllowRule.parse("com.example.Handler");

        assertNull(rule.methodName());
        assertTrue(rule.matches("com.example.Handler", "channelRead"));
        assertTrue(rule.matches("com.example.Handler", "<init>"));
        assertFalse(rule.matches("com.example", "Handler"));
        assertFalse(rule.matches("org.example.Handler", "channelRead"));
    }

    @Test
    void aNestedClassIsMatchedOnlyByARuleNamingIt() throws InvalidValueException {
        AllowRule outer = AllowRule.parse("com.example.Outer");
        AllowRule inner = AllowRule.parse("com.example.Outer$Inner");

        assertFalse(outer.matches("com.example.Outer$Inner", "run"));
        assertTrue(inner.matches("com.example.Outer$Inner", "run"));
        assertFalse(inner.matches("com.example.Outer", "run"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Handler", "com.example.Outer$Inner#run", "com.example.Type#<init>",
        "com.example.Type#<clinit>", "com.example.Type#lambda$handle$0", "_x.y$.Z"})
    void acceptsJavaNamesAndWritesThemBackUnchanged(String text) throws InvalidValueException {
        assertEquals(text, AllowRule.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "com.example.Type#", "#method", "com..Type", "com.example.", "1com.Type",
        "com.example.Type#a#b", "com.example.Type.method()", "com.example.Type#<cinit>", "com example.Type",
        "com/example/Type"})
    void rejectsWhatIsNotATypeOrTypeAndMethod(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> AllowRule.parse(text));
        assertEquals("'" + text + "' is not a type or type#method; expected +-separated entries such as"
                + " com.example.Type#method or com.example.Type", e.getMessage());
    }

    @Test
    void rulesAreEqualByTypeAndMethod() throws InvalidValueException {
        assertEquals(AllowRule.parse("a.B#c"), AllowRule.parse("a.B#c"));
        assertEquals(AllowRule.parse("a.B#c").hashCode(), AllowRule.parse("a.B#c").hashCode());
        assertFalse(AllowRule.parse("a.B#c").equals(AllowRule.parse("a.B")));
        assertFalse(AllowRule.parse("a.B#c").equals(AllowRule.parse("a.B#d")));
    }
}
