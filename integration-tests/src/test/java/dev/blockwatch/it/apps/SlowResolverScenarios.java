package dev.blockwatch.it.apps;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One host name lookup on a selector loop through a resolver service provider (JDK 18 and later)
 * that answers every name with 127.0.0.1 after 150 ms.
 */
public final class SlowResolverScenarios {
    public static final String SLOW_NAME = "slow.blockwatch.test";
    private static final String WARM_UP_NAME = "warm-up.blockwatch.test";

    private SlowResolverScenarios() {
    }

    public static void main(String[] args) throws Exception {
        // The JVM's first lookup also loads the JDK's lookup machinery and settings: do it where nothing is watched.
        InetAddress.getByName(WARM_UP_NAME);
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            loop.call(() -> Outcome.here(lookUpSlowName())).print("lookUpSlowName");
        }
    }

    static String lookUpSlowName() throws UnknownHostException {
        return InetAddress.getByName(SLOW_NAME).getHostAddress();
    }
}
