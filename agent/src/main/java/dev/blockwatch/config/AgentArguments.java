package dev.blockwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the agent argument string into its {@code key=value} pairs. A comma separates two pairs only when what
 * follows it looks like {@code key=}; any other comma belongs to the value, so that a {@code thread-names}
 * regular expression such as {@code loop-\d{1,3}} survives. (A value holding a comma followed by {@code word=}
 * cannot be written here; it can be given through any other source.)
 */
final class AgentArguments {
    private static final Pattern NEXT_PAIR = Pattern.compile(",(?=\\s*[a-z][a-z-]*\\s*=)");

    private AgentArguments() {
    }

    /** The pairs, each trimmed; none for a null or blank string. */
    static List<String> split(String agentArgs) {
        List<String> pairs = new ArrayList<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return pairs;
        }
        Matcher separators = NEXT_PAIR.matcher(agentArgs);
        int start = 0;
        while (separators.find()) {
            pairs.add(agentArgs.substring(start, separators.start()).trim());
            start = separators.end();
        }
        pairs.add(agentArgs.substring(start).trim());
        return pairs;
    }
}
