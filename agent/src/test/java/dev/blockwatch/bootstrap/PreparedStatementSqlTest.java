package dev.blockwatch.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The SQL remembered for each prepared statement, kept for the statement and no other. */
class PreparedStatementSqlTest {
    @Test
    void aStatementHasTheSqlItWasPreparedWith() {
        Object statement = new Object();

        PreparedStatementSql.remember(statement, "SELECT name FROM users WHERE id = ?");

        assertEquals("SELECT name FROM users WHERE id = ?", PreparedStatementSql.sqlOf(statement));
    }

    @Test
    void aStatementNotPreparedWhileBlockwatchRanHasNoSql() {
        assertNull(PreparedStatementSql.sqlOf(new Object()));
        assertNull(PreparedStatementSql.sqlOf(null));
    }

    @Test
    void aStatementPreparedAgainHasItsLatestSql() {
        Object statement = new Object();

        PreparedStatementSql.remember(statement, "SELECT 1");
        PreparedStatementSql.remember(statement, "SELECT 2");

        assertEquals("SELECT 2", PreparedStatementSql.sqlOf(statement));
    }

    @Test
    void onlySqlTextIsRemembered() {
        Object statement = new Object();

        PreparedStatementSql.remember(statement, null);
        PreparedStatementSql.remember(statement, new StringBuilder("SELECT 1"));
        PreparedStatementSql.remember(statement, "SELECT 1".toCharArray());

        assertNull(PreparedStatementSql.sqlOf(statement));
    }

    @Test
    void nothingIsRememberedForNoStatement() {
        PreparedStatementSql.remember(null, "SELECT 1");

        assertNull(PreparedStatementSql.sqlOf(null));
    }

    @Test
    void eachStatementKeepsItsOwnSql() {
        List<Object> statements = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Object statement = new Object();
            statements.add(statement);
            PreparedStatementSql.remember(statement, "SELECT " + i);
        }

        for (int i = 0; i < statements.size(); i++) {
            assertEquals("SELECT " + i, PreparedStatementSql.sqlOf(statements.get(i)));
        }
    }

    @Test
    void threadsPreparingAtOnceEachFindTheirOwnSql() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    List<Object> statements = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        Object statement = new Object();
                        statements.add(statement);
                        PreparedStatementSql.remember(statement, "SELECT " + thread + ", " + i);
                    }
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < statements.size(); i++) {
                        String sql = PreparedStatementSql.sqlOf(statements.get(i));
                        if (!("SELECT " + thread + ", " + i).equals(sql)) {
                            wrong.add(thread + "/" + i + ": " + sql);
                        }
                    }
                    return wrong;
                });
            }
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                assertEquals(List.of(), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
