package dev.blockwatch.bootstrap;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The SQL each JDBC prepared statement was prepared with, so that a report of its
 * {@code execute} can show it: the {@code java.sql} interfaces give no way to ask a statement
 * for its SQL, and a driver's {@code toString} may include bound values. Remembered when a
 * statement is prepared (a call that costs a driver far more than this), held weakly, and
 * split into stripes so that threads preparing at once rarely meet on a lock.
 */
public final class PreparedStatementSql {
    private static final int STRIPES = 16;
    private static final Map<?, ?>[] SQL_BY_STATEMENT = new Map<?, ?>[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            SQL_BY_STATEMENT[i] = Collections.synchronizedMap(new WeakHashMap<Object, String>());
        }
    }

    private PreparedStatementSql() {
    }

    public static void remember(Object statement, Object sql) {
        if (statement != null && sql instanceof String) {
            stripeOf(statement).put(statement, (String) sql);
        }
    }

    /** The SQL the statement was prepared with, or null when it was not prepared while blockwatch ran. */
    public static String sqlOf(Object statement) {
        return statement == null ? null : stripeOf(statement).get(statement);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, String> stripeOf(Object statement) {
        return (Map<Object, String>) SQL_BY_STATEMENT[System.identityHashCode(statement) & (STRIPES - 1)];
    }
}
