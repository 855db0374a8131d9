package dev.blockwatch.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one recording ({@code Blockwatch.record}, a {@code @DetectBlocking} test) collects, written
 * as the agent's own {@code key=value} pairs: {@code threshold}, {@code categories} and
 * {@code allow}. The other options belong to the whole JVM's run and cannot differ per recording.
 *
 * @param thresholdNanos the recording's threshold, or -1 for the agent's
 * @param categories     the categories collected, or empty for the agent's
 * @param allow          calls made inside these are not collected (in addition to the agent's {@code allow})
 */
public record RecordingOptions(long thresholdNanos, Set<Category> categories, List<AllowRule> allow) {
    private static final String ORIGIN = "recording";
    private static final Set<OptionKey> RECORDING_KEYS = EnumSet.of(OptionKey.THRESHOLD, OptionKey.CATEGORIES,
            OptionKey.ALLOW);

    public RecordingOptions {
        categories = Set.copyOf(categories);
        allow = List.copyOf(allow);
    }

    /**
     * Reads {@code key=value} pairs separated by commas, such as {@code threshold=50ms,categories=sleep+file};
     * an empty text is the agent's threshold and every category.
     */
    public static RecordingOptions parse(String text) throws BadOptionException {
        BlockwatchOptions.Builder builder = new BlockwatchOptions.Builder();
        boolean thresholdGiven = false;
        boolean categoriesGiven = false;
        for (String pair : AgentArguments.split(text)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new BadOptionException(pair, "bad recording option '" + pair
                        + "': expected key=value pairs separated by commas, such as threshold=50ms", false);
            }
            String name = pair.substring(0, equals).trim();
            OptionKey key = OptionKey.ofOptionName(name).filter(RECORDING_KEYS::contains).orElseThrow(() ->
                    new BadOptionException(name, "a recording takes threshold, categories and allow, not '" + name
                            + "'; the other options apply to the whole JVM and are given to the agent", false));
            OptionValue value = new OptionValue(key, pair.substring(equals + 1).trim(), ORIGIN);
            try {
                OptionValueParser.apply(key, value.text(), builder);
            } catch (InvalidValueException e) {
                throw OptionProblem.badValue(value, e.getMessage()).toException(false);
            }
            thresholdGiven |= key == OptionKey.THRESHOLD;
            categoriesGiven |= key == OptionKey.CATEGORIES;
        }
        BlockwatchOptions parsed = builder.build();
        return new RecordingOptions(thresholdGiven ? parsed.thresholdNanos() : -1,
                categoriesGiven ? parsed.categories() : Set.of(), parsed.allow());
    }
}
