package dev.blockwatch.instrument;

import java.util.List;

/** Every family of blocking calls blockwatch knows. Register a new family here. */
public final class CallFamilies {
    private CallFamilies() {
    }

    public static List<CallFamily> all() {
        return List.of(
                new FileInstrumentation(),
                new SocketInstrumentation());
    }
}
