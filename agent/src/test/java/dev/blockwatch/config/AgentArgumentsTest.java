package dev.blockwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void noArgumentsGiveNoPairs() {
        assertEquals(List.of(), AgentArguments.split(null));
        assertEquals(List.of(), AgentArguments.split(""));
        assertEquals(List.of(), AgentArguments.split("  "));
    }

    @Test
    void commasBeforeAKeySeparatePairs() {
        assertEquals(List.of("threshold=20ms", "threads=all", "stack-depth=8"),
                AgentArguments.split("threshold=20ms,threads=all,stack-depth=8"));
    }

    @Test
    void aCommaNotFollowedByAKeyBelongsToTheValue() {
        assertEquals(List.of("thread-names=loop-\\d{1,3}", "threshold=5ms"),
                AgentArguments.split("thread-names=loop-\\d{1,3},threshold=5ms"));
        assertEquals(List.of("thread-names=a,b,c"), AgentArguments.split("thread-names=a,b,c"));
        assertEquals(List.of("threshold=20ms,"), AgentArguments.split("threshold=20ms,"));
    }

    @Test
    void whitespaceAroundPairsIsTrimmedAndMayPrecedeAKey() {
        assertEquals(List.of("threshold = 20ms", "threads=all"),
                AgentArguments.split(" threshold = 20ms , threads=all "));
    }

    @Test
    void anUpperCaseWordIsNotAKey() {
        assertEquals(List.of("thread-names=x,Y=z"), AgentArguments.split("thread-names=x,Y=z"));
    }
}
