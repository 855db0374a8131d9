package dev.blockwatch.instrument;

import dev.blockwatch.config.Category;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every family of blocking calls blockwatch knows. Register a new family here. */
public final class CallFamilies {
    private CallFamilies() {
    }

    public static List<CallFamily> all() {
        return List.of(
                new FileInstrumentation(),
                new SocketInstrumentation(),
                new DnsInstrumentation(),
                new ProcessInstrumentation(),
                new SleepInstrumentation(),
                new WaitInstrumentation(),
                new JdbcInstrumentation(),
                new RedisInstrumentation());
    }

    /**
     * The operations that a report names after the API the application called, with what on
     * the stack names them.
     */
    public static Map<String, CallerApi> operationsNamedByCaller(Set<Category> categories) {
        Map<String, CallerApi> callerApis = new HashMap<>();
        for (CallFamily family : all()) {
            if (categories.contains(family.category())) {
                for (TypeAdvice type : family.types()) {
                    for (TypeAdvice.MethodAdvice method : type.methods()) {
                        if (method.callerApi() != null) {
                            callerApis.put(type.apiType() + "." + method.reportedMethod(), method.callerApi());
                        }
                    }
                }
            }
        }
        return callerApis;
    }
}
