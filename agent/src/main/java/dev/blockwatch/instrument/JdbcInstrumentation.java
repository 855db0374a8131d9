package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.none;
import static dev.blockwatch.instrument.DetailSource.self;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.blockwatch.config.Category;
import dev.blockwatch.instrument.advice.StatementPreparedAdvice;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * JDBC, whatever the driver or pool: the {@code execute*} methods of every class implementing
 * {@code java.sql.Statement}, a connection's {@code commit}, {@code rollback} and
 * {@code prepare*}, and {@code getConnection} of every {@code DataSource} (which includes waiting
 * for a pooled connection) and of {@code DriverManager}. A pool's wrapper and the driver's
 * statement under it are both timed; the outer one reports, once, with the socket I/O inside.
 * The detail is the SQL: the argument of a method that takes it, else the SQL the statement
 * was prepared with, remembered when the connection prepared it. Never connection properties:
 * they hold passwords.
 */
public final class JdbcInstrumentation implements CallFamily {
    private static final ElementMatcher.Junction<MethodDescription> EXECUTE =
            isPublic().and(not(isStatic())).and(not(isAbstract()))
                    .and(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
                            "executeBatch", "executeLargeBatch"));
    private static final ElementMatcher.Junction<MethodDescription> TAKES_SQL = takesArgument(0, String.class);
    private static final ElementMatcher.Junction<MethodDescription> INSTANCE_METHOD =
            isPublic().and(not(isStatic())).and(not(isAbstract()));

    @Override
    public Category category() {
        return Category.JDBC;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                TypeAdvice.implementationsOf("java.sql.Statement")
                        .time(EXECUTE.and(TAKES_SQL), argument(0))
                        .time(EXECUTE.and(not(TAKES_SQL)), self(), JdbcInstrumentation::statementOperation),
                TypeAdvice.implementationsOf("java.sql.Connection")
                        .time(INSTANCE_METHOD.and(namedOneOf("commit", "rollback")), none())
                        .time(INSTANCE_METHOD.and(namedOneOf("prepareStatement", "prepareCall")).and(TAKES_SQL),
                                argument(0))
                        .hook(INSTANCE_METHOD.and(namedOneOf("prepareStatement", "prepareCall")).and(TAKES_SQL),
                                StatementPreparedAdvice.class),
                TypeAdvice.implementationsOf("javax.sql.DataSource")
                        .time(INSTANCE_METHOD.and(named("getConnection")), none()),
                TypeAdvice.of("java.sql.DriverManager")
                        .time(isPublic().and(isStatic()).and(named("getConnection")), none()));
    }

    /**
     * A statement method without SQL is named after the most specific statement interface the
     * object implements: {@code PreparedStatement.execute()} runs the prepared SQL.
     */
    private static String statementOperation(TypeDescription type, MethodDescription method) {
        String api = type.isAssignableTo(java.sql.CallableStatement.class) ? "java.sql.CallableStatement"
                : type.isAssignableTo(java.sql.PreparedStatement.class) ? "java.sql.PreparedStatement"
                : "java.sql.Statement";
        return api + "." + method.getName();
    }
}
