package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;

/**
 * One JSON object of the agent's report (a record line, or an object nested in one), with typed
 * accessors that fail the test, naming the field and quoting the record, when a field is missing or
 * has the wrong type.
 */
final class ReportRecord {
    private final Map<String, Object> fields;
    private final String source;

    ReportRecord(Map<String, Object> fields, String source) {
        this.fields = fields;
        this.source = source;
    }

    String event() {
        return string("event");
    }

    boolean isBlockingCall() {
        return "blocking-call".equals(fields.get("event"));
    }

    /** A blocking-call record written when the call returned (not the one written while it was still blocked). */
    boolean isFinalCall() {
        return isBlockingCall() && !bool("inProgress");
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    String string(String key) {
        return typed(key, String.class);
    }

    /** A field that must be present, and may be JSON null. */
    String nullableString(String key) {
        present(key);
        return fields.get(key) == null ? null : typed(key, String.class);
    }

    double number(String key) {
        return typed(key, Number.class).doubleValue();
    }

    long integer(String key) {
        Object value = present(key);
        if (!(value instanceof Long)) {
            fail("field \"" + key + "\" is not an integer in " + source);
        }
        return (Long) value;
    }

    boolean bool(String key) {
        return typed(key, Boolean.class);
    }

    ReportRecord object(String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = typed(key, Map.class);
        return new ReportRecord(nested, source);
    }

    List<ReportRecord> objects(String key) {
        return elements(key, Map.class).stream()
                .map(element -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> nested = (Map<String, Object>) element;
                    return new ReportRecord(nested, source);
                })
                .toList();
    }

    List<String> strings(String key) {
        return elements(key, String.class).stream().map(String.class::cast).toList();
    }

    boolean siteIs(Class<?> type, String method) {
        return has("site") && Frame.is(nullableString("site"), type, method);
    }

    /** For a summary record: the calls it counts at site {@code type.method}, 0 when it has no entry there. */
    long summaryCountAt(Class<?> type, String method) {
        return objects("sites").stream()
                .filter(site -> site.siteIs(type, method))
                .mapToLong(site -> site.integer("count"))
                .sum();
    }

    private List<?> elements(String key, Class<?> elementType) {
        List<?> list = typed(key, List.class);
        for (Object element : list) {
            if (!elementType.isInstance(element)) {
                fail("field \"" + key + "\" holds a " + describe(element) + " where a "
                        + elementType.getSimpleName() + " belongs, in " + source);
            }
        }
        return list;
    }

    private <T> T typed(String key, Class<T> type) {
        Object value = present(key);
        if (!type.isInstance(value)) {
            fail("field \"" + key + "\" is " + describe(value) + ", expected a " + type.getSimpleName()
                    + ", in " + source);
        }
        return type.cast(value);
    }

    private Object present(String key) {
        if (!fields.containsKey(key)) {
            fail("field \"" + key + "\" is missing in " + source);
        }
        return fields.get(key);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    @Override
    public String toString() {
        return source;
    }
}
