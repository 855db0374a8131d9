package dev.blockwatch.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the options from their four sources. For each key the value of the first source that gives it wins:
 * agent argument, then system property {@code blockwatch.<key>}, then environment {@code BLOCKWATCH_<KEY>}, then
 * the config file named by {@code config}, then the default. Only the winning value of a key is validated, so a
 * bad value can be overridden by a source of higher precedence; unknown keys and keys given twice are errors in
 * whichever source holds them (in the environment, unknown {@code BLOCKWATCH_*} variables are ignored).
 *
 * <p>{@code strict} is resolved before everything else so that the exception for any other bad option can say
 * whether the run is strict.
 */
public final class OptionSources {
    private OptionSources() {
    }

    /**
     * The effective options.
     *
     * @param agentArgs the agent argument string, {@code key=value} pairs separated by commas; may be null or empty
     * @param systemProperties where {@code blockwatch.*} properties are looked up
     * @param environment where {@code BLOCKWATCH_*} variables are looked up
     * @throws BadOptionException for the first bad option, with a one-line message
     */
    public static BlockwatchOptions load(String agentArgs, Properties systemProperties, Map<String, String> environment)
            throws BadOptionException {
        List<SourceValues> sources = new ArrayList<>(List.of(
                SourceValues.ofAgentArguments(agentArgs),
                SourceValues.ofSystemProperties(systemProperties),
                SourceValues.ofEnvironment(environment)));
        List<OptionProblem> problems = new ArrayList<>();
        Path configFile = null;
        Optional<OptionValue> config = winning(sources, OptionKey.CONFIG);
        if (config.isPresent() && !config.get().text().isEmpty()) {
            try {
                configFile = Path.of(config.get().text()).toAbsolutePath().normalize();
                sources.add(SourceValues.ofConfigFile(configFile, config.get()));
            } catch (InvalidPathException e) {
                problems.add(OptionProblem.badValue(config.get(), "not a valid path (" + e.getReason()
                        + "); expected the path of a readable java.util.Properties file"));
            }
        }
        for (SourceValues source : sources) {
            problems.addAll(source.problems());
        }

        boolean strict = strict(sources, problems);
        if (!problems.isEmpty()) {
            throw problems.get(0).toException(strict);
        }
        BlockwatchOptions.Builder options = new BlockwatchOptions.Builder().configFile(configFile);
        for (OptionKey key : OptionKey.values()) {
            if (key == OptionKey.CONFIG) {
                continue;
            }
            Optional<OptionValue> value = winning(sources, key);
            if (value.isPresent()) {
                try {
                    OptionValueParser.apply(key, value.get().text(), options);
                } catch (InvalidValueException e) {
                    throw OptionProblem.badValue(value.get(), e.getMessage()).toException(strict);
                }
            }
        }
        return options.build();
    }

    /**
     * The effective value of {@code strict}. When {@code strict} itself is at fault (a bad value, or given twice),
     * that is the error reported, and the run is not strict: its own setting cannot be trusted.
     */
    private static boolean strict(List<SourceValues> sources, List<OptionProblem> problems)
            throws BadOptionException {
        String strictKey = OptionKey.STRICT.optionName();
        for (OptionProblem problem : problems) {
            if (problem.option().equals(strictKey)) {
                throw problem.toException(false);
            }
        }
        Optional<OptionValue> strict = winning(sources, OptionKey.STRICT);
        if (strict.isEmpty()) {
            return false;
        }
        try {
            return OptionValueParser.bool(strict.get().text());
        } catch (InvalidValueException e) {
            throw OptionProblem.badValue(strict.get(), e.getMessage()).toException(false);
        }
    }

    private static Optional<OptionValue> winning(List<SourceValues> sourcesByPrecedence, OptionKey key) {
        for (SourceValues source : sourcesByPrecedence) {
            Optional<OptionValue> value = source.get(key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
