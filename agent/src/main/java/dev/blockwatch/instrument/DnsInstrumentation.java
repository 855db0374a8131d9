package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.self;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.blockwatch.config.Category;
import dev.blockwatch.instrument.advice.NameServiceLookupAdvice;
import java.util.List;

/**
 * Host name lookups: the public {@code InetAddress} methods the application calls are timed,
 * and reported only when the JDK asked the name service inside them, so that an answer from the
 * JDK's cache, or an address literal, is no call at all. The detail is the host name looked up,
 * or the address of a reverse lookup.
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
                        .timeIfLookup(isPublic().and(isStatic()).and(namedOneOf("getByName", "getAllByName"))
                                .and(takesArguments(1)), argument(0))
                        .timeIfLookup(isPublic().and(isStatic()).and(named("getLocalHost")), DetailSource.none())
                        .timeIfLookup(isPublic().and(not(isStatic())).and(namedOneOf("getHostName", "getCanonicalHostName")),
                                self())
                        .hook(namedOneOf("getAddressesFromNameService", "getHostFromNameService"),
                                NameServiceLookupAdvice.class));
    }
}
