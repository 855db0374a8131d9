package dev.blockwatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The options one source gives (agent argument, system properties, environment or config file), each value
 * trimmed, and what is wrong with the source itself: unknown keys, keys given twice, a file that cannot be read.
 */
final class SourceValues {
    private static final String AGENT_ARGUMENT = "agent argument";
    private static final String PROPERTY_PREFIX = "blockwatch.";
    private static final String EXPECTED_FILE = "expected the path of a readable java.util.Properties file";

    private final Map<OptionKey, OptionValue> values = new EnumMap<>(OptionKey.class);
    private final List<OptionProblem> problems = new ArrayList<>();

    private SourceValues() {
    }

    static SourceValues ofAgentArguments(String agentArgs) {
        SourceValues source = new SourceValues();
        for (String pair : AgentArguments.split(agentArgs)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                source.problems.add(new OptionProblem(pair, "bad agent argument '" + pair
                        + "': expected key=value pairs separated by commas, such as threshold=20ms,threads=all"));
            } else {
                source.add(pair.substring(0, equals).trim(), pair.substring(equals + 1), AGENT_ARGUMENT, true);
            }
        }
        return source;
    }

    /** Every property named {@code blockwatch.*}; a name that is not an option is an error. */
    static SourceValues ofSystemProperties(Properties systemProperties) {
        SourceValues source = new SourceValues();
        // Sorted, so that of several unknown names the same one is reported every time.
        for (String name : new TreeSet<>(systemProperties.stringPropertyNames())) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                source.add(name.substring(PROPERTY_PREFIX.length()), systemProperties.getProperty(name),
                        "system property " + name, true);
            }
        }
        return source;
    }

    /** The {@code BLOCKWATCH_*} variables that name options; others are ignored, since shells carry strays. */
    static SourceValues ofEnvironment(Map<String, String> environment) {
        SourceValues source = new SourceValues();
        for (OptionKey key : OptionKey.values()) {
            String text = environment.get(key.environmentName());
            if (text != null) {
                source.add(key.optionName(), text, "environment " + key.environmentName(), true);
            }
        }
        return source;
    }

    /**
     * The options in a {@link Properties} file, read as UTF-8 so that a regular expression or a path may hold any
     * character.
     *
     * @param namedBy the {@code config} option that named the file, blamed when the file cannot be read
     */
    static SourceValues ofConfigFile(Path file, OptionValue namedBy) {
        SourceValues source = new SourceValues();
        if (Files.isDirectory(file)) {
            source.problems.add(OptionProblem.badValue(namedBy, file + " is a directory; " + EXPECTED_FILE));
            return source;
        }
        EntriesInFileOrder entries = new EntriesInFileOrder();
        // A Reader over a Charset replaces bytes that are not UTF-8 rather than failing on them.
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            entries.load(reader);
        } catch (NoSuchFileException e) {
            source.problems.add(OptionProblem.badValue(namedBy, file + " does not exist; " + EXPECTED_FILE));
            return source;
        } catch (IOException e) {
            source.problems.add(OptionProblem.badValue(namedBy,
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + "); " + EXPECTED_FILE));
            return source;
        } catch (IllegalArgumentException e) {
            // Properties.load's only complaint: a malformed \\uXXXX escape.
            source.problems.add(OptionProblem.badValue(namedBy,
                    file + " is not a valid properties file (" + e.getMessage() + "); " + EXPECTED_FILE));
            return source;
        }
        String origin = "config file " + file;
        for (Map.Entry<String, String> entry : entries.inFileOrder.entrySet()) {
            source.add(entry.getKey(), entry.getValue(), origin, false);
        }
        for (String key : entries.repeated) {
            source.problems.add(OptionProblem.givenTwice(key, origin));
        }
        return source;
    }

    Optional<OptionValue> get(OptionKey key) {
        return Optional.ofNullable(values.get(key));
    }

    List<OptionProblem> problems() {
        return problems;
    }

    private void add(String name, String text, String origin, boolean configAllowed) {
        Optional<OptionKey> key = OptionKey.ofOptionName(name);
        if (key.isEmpty()) {
            problems.add(OptionProblem.unknownKey(name, origin, configAllowed));
        } else if (key.get() == OptionKey.CONFIG && !configAllowed) {
            problems.add(new OptionProblem(name, "option config cannot be set inside the " + origin
                    + "; name the config file by agent argument, system property blockwatch.config"
                    + " or environment BLOCKWATCH_CONFIG"));
        } else if (values.containsKey(key.get())) {
            problems.add(OptionProblem.givenTwice(name, origin));
        } else {
            values.put(key.get(), new OptionValue(key.get(), text.trim(), origin));
        }
    }

    /** Keeps the entries of a properties file in their order, and notes keys that the file repeats. */
    private static final class EntriesInFileOrder extends Properties {
        private static final long serialVersionUID = 1L;

        private final Map<String, String> inFileOrder = new LinkedHashMap<>();
        private final List<String> repeated = new ArrayList<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            if (inFileOrder.put((String) key, (String) value) != null) {
                repeated.add((String) key);
            }
            return super.put(key, value);
        }
    }
}
