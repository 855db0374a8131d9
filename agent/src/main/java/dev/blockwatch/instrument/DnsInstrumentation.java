package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.blockwatch.config.Category;
import java.util.List;

/**
 * Host name lookups. The JDK's internal methods that ask the name service are timed, so a
 * lookup answered from the JDK's cache, or of an address literal, is not a call at all; a
 * reported lookup is named after the public {@code InetAddress} method the application called
 * ({@code getByName}, {@code getAllByName}, {@code getLocalHost}, {@code getCanonicalHostName}).
 * The detail is the host name looked up, or the address of a reverse lookup.
 */
public final class DnsInstrumentation implements CallFamily {
    @Override
    public Category category() {
        return Category.DNS;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                TypeAdvice.of("java.net.InetAddress")
                        .timeNamedByCaller(named("getAddressesFromNameService"), argument(0), "getAllByName",
                                "java.net.InetAddress")
                        .timeNamedByCaller(named("getHostFromNameService"), argument(0), "getCanonicalHostName",
                                "java.net.InetAddress"));
    }
}
