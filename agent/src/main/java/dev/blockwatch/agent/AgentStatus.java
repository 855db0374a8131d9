package dev.blockwatch.agent;

import dev.blockwatch.config.BlockwatchOptions;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Whether blockwatch is active in a JVM, and with which options, published as a system property
 * of that JVM so that {@code attach} and {@code list} can read it from outside through the attach
 * API. The property is not under {@code blockwatch.}, where every name is an option.
 */
public final class AgentStatus {
    static final String PROPERTY = "dev.blockwatch.status";
    private static final String ACTIVE = "active: ";
    private static final String OFF = "off: ";

    private AgentStatus() {
    }

    static void publishActive(BlockwatchOptions options) {
        System.setProperty(PROPERTY, ACTIVE + summary(options));
    }

    static void publishOff(String problem) {
        System.setProperty(PROPERTY, OFF + problem);
    }

    /** The options of blockwatch active in the JVM with these system properties, or null. */
    public static String activeOptions(Properties systemProperties) {
        String status = systemProperties.getProperty(PROPERTY);
        return status != null && status.startsWith(ACTIVE) ? status.substring(ACTIVE.length()) : null;
    }

    /** Why blockwatch turned itself off in the JVM with these system properties, or null. */
    public static String offReason(Properties systemProperties) {
        String status = systemProperties.getProperty(PROPERTY);
        return status != null && status.startsWith(OFF) ? status.substring(OFF.length()) : null;
    }

    /** The options a user checks first: {@code threshold=50ms, threads=event-loop, ...}. */
    private static String summary(BlockwatchOptions options) {
        Map<String, String> all = options.asStrings();
        StringBuilder text = new StringBuilder();
        for (String key : List.of("threshold", "threads", "thread-names", "categories", "log", "json", "detail")) {
            String value = all.get(key);
            if (value != null && !value.isEmpty()) {
                text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(value);
            }
        }
        return text.toString();
    }
}
