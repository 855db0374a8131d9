package dev.blockwatch.report;

import dev.blockwatch.config.DetailMode;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a Redis client's command says in a report: its name ({@code BLPOP}) and, only with
 * {@code detail=full}, its keys and values, since those can be personal data. Commands whose
 * arguments are credentials or can carry them show their name only, whatever the mode. The
 * clients are not on blockwatch's class path: their command objects are read through their
 * public methods by reflection, only for reported calls.
 */
final class RedisCommandText {
    private static final Set<String> SECRET_ARGUMENTS = Set.of("AUTH", "HELLO", "ACL", "CONFIG", "MIGRATE", "SENTINEL");
    private static final String LETTUCE_FUTURE = "io.lettuce.core.RedisFuture";
    private static final String LETTUCE_COMMAND = "io.lettuce.core.protocol.RedisCommand";
    private static final String JEDIS_ARGUMENTS = "redis.clients.jedis.CommandArguments";
    private static final String JEDIS_COMMAND_OBJECT = "redis.clients.jedis.CommandObject";
    private static final String JEDIS_COMMAND = "redis.clients.jedis.commands.ProtocolCommand";

    private RedisCommandText() {
    }

    /** The command's text, or null when the subject is no command blockwatch knows. */
    static String describe(Object subject, DetailMode mode) {
        try {
            if (implementsType(subject.getClass(), JEDIS_ARGUMENTS)) {
                return jedisCommand((Iterable<?>) subject, mode);
            }
            if (implementsType(subject.getClass(), JEDIS_COMMAND_OBJECT)) {
                return jedisCommand((Iterable<?>) call(subject, "getArguments"), mode);
            }
            if (implementsType(subject.getClass(), JEDIS_COMMAND)) {
                // sent with its arguments apart: the name is all there is
                return commandName((byte[]) call(subject, "getRaw"));
            }
            if (implementsType(subject.getClass(), LETTUCE_COMMAND)) {
                return lettuceCommand(subject, mode);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Whether the object is a Redis client's future, whose {@code get()} is a call to Redis. */
    static boolean isClientFuture(Object subject) {
        return subject != null && implementsType(subject.getClass(), LETTUCE_FUTURE);
    }

    /** A wait on a client's future, {@code CompletableFuture.get}, named as the client's: {@code RedisFuture.get}. */
    static String futureOperation(String waitOperation) {
        return LETTUCE_FUTURE + waitOperation.substring(waitOperation.lastIndexOf('.'));
    }

    /** Jedis's arguments are the command followed by its arguments, each raw bytes. */
    private static String jedisCommand(Iterable<?> arguments, DetailMode mode) throws ReflectiveOperationException {
        StringBuilder text = new StringBuilder();
        for (Object argument : arguments) {
            byte[] raw = (byte[]) call(argument, "getRaw");
            if (text.length() == 0) {
                text.append(commandName(raw));
                if (mode != DetailMode.FULL || SECRET_ARGUMENTS.contains(text.toString())) {
                    break;
                }
            } else {
                text.append(' ').append(new String(raw, StandardCharsets.UTF_8));
            }
        }
        return text.length() == 0 ? null : ReportText.oneLine(text.toString());
    }

    private static String lettuceCommand(Object command, DetailMode mode) throws ReflectiveOperationException {
        Object type = call(command, "getType");
        if (type == null) {
            return null;
        }
        String name = commandName((byte[]) call(type, "getBytes"));
        if (mode != DetailMode.FULL || SECRET_ARGUMENTS.contains(name)) {
            return name;
        }
        Object arguments = call(command, "getArgs");
        String text = arguments == null ? "" : (String) call(arguments, "toCommandString");
        return ReportText.oneLine(text.isEmpty() ? name : name + " " + text);
    }

    private static String commandName(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
    }

    private static Object call(Object target, String methodName) throws ReflectiveOperationException {
        Method method = target.getClass().getMethod(methodName);
        method.trySetAccessible();
        return method.invoke(target);
    }

    /** Whether the class is, extends or implements the named type, looked up by name only. */
    private static boolean implementsType(Class<?> type, String name) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (current.getName().equals(name)) {
                return true;
            }
            for (Class<?> implemented : current.getInterfaces()) {
                if (implementsType(implemented, name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
