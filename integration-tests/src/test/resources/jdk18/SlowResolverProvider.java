package dev.blockwatch.it.resolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * A host name resolver, installed as a service provider, that answers every name with 127.0.0.1
 * after 150 ms, like a slow DNS server. Its API exists since JDK 18, so the test compiles it with
 * the child's own JDK, not with this module's release 17. (The JDK ignores resolver providers when
 * {@code jdk.net.hosts.file} is set.)
 */
public final class SlowResolverProvider extends InetAddressResolverProvider {
    public static final long LOOKUP_MILLIS = 150;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                try {
                    Thread.sleep(LOOKUP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnknownHostException("interrupted while looking up " + host);
                }
                return Stream.of(InetAddress.getByAddress(host, LOOPBACK));
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "blockwatch-test-slow-resolver";
    }
}
