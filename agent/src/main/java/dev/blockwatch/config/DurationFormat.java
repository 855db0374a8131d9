package dev.blockwatch.config;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as options write them: a non-negative decimal number followed by {@code ns}, {@code us}, {@code ms} or
 * {@code s} ({@code 20ms}, {@code 1.5s}, {@code 250us}), or a bare {@code 0}.
 *
 * <p>The canonical form is a whole number in the largest of {@code s}, {@code ms}, {@code us}, {@code ns} that
 * expresses the duration exactly: {@code 20ms}, {@code 1500ms} for 1.5s, {@code 10s}, {@code 250us}, {@code 0s}.
 * It has no decimal point, so it reads back to exactly the same nanoseconds.
 */
final class DurationFormat {
    private static final String EXPECTED = "expected a duration such as 20ms (units ns, us, ms, s)";

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s)");
    private static final BigDecimal LONGEST = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final String[] LARGER_UNITS = {"s", "ms", "us"};
    private static final long[] LARGER_UNIT_NANOS = {1_000_000_000L, 1_000_000L, 1_000L};

    private DurationFormat() {
    }

    static long parseNanos(String text) throws InvalidValueException {
        if (text.equals("0")) {
            return 0;
        }
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidValueException(EXPECTED);
        }
        long unitNanos = switch (matcher.group(2)) {
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us" -> 1_000L;
            default -> 1L; // ns, the one unit left that the pattern admits
        };
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitNanos));
        if (nanos.compareTo(LONGEST) > 0) {
            throw new InvalidValueException("too long; expected a duration of at most 9223372036s");
        }
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException("not a whole number of nanoseconds; " + EXPECTED);
        }
        return nanos.longValueExact();
    }

    static String format(long nanos) {
        for (int i = 0; i < LARGER_UNITS.length; i++) {
            if (nanos % LARGER_UNIT_NANOS[i] == 0) {
                return nanos / LARGER_UNIT_NANOS[i] + LARGER_UNITS[i];
            }
        }
        return nanos + "ns";
    }
}
