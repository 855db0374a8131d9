package dev.blockwatch.config;

/**
 * Something wrong with the options, found while reading the sources and held back until {@code strict} is known,
 * because the exception that reports it carries strict's value.
 */
record OptionProblem(String option, String message) {

    static OptionProblem badValue(OptionValue value, String reason) {
        return new OptionProblem(value.key().optionName(), "bad option " + value.describe() + ": " + reason);
    }

    static OptionProblem unknownKey(String key, String origin, boolean configAllowed) {
        return new OptionProblem(key, "unknown option '" + key + "' (" + origin + "); known options: "
                + OptionKey.knownOptions(configAllowed));
    }

    static OptionProblem givenTwice(String key, String origin) {
        return new OptionProblem(key, "option " + key + " is given twice (" + origin + "); give it once");
    }

    BadOptionException toException(boolean strict) {
        return new BadOptionException(option, oneLine(message), strict);
    }

    // Values come from files and environment variables and may hold line breaks; the message must stay one line.
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }
}
