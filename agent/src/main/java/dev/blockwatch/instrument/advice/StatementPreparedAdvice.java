package dev.blockwatch.instrument.advice;

import dev.blockwatch.bootstrap.PreparedStatementSql;
import net.bytebuddy.asm.Advice;

/** Remembers the SQL of every statement a JDBC connection prepares, for the detail of its later executions. */
public final class StatementPreparedAdvice {
    private StatementPreparedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Return Object statement, @Advice.Argument(0) Object sql) {
        PreparedStatementSql.remember(statement, sql);
    }
}
