package dev.blockwatch.it.apps;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Host name lookups on a selector loop, answered from the hosts file the test names with
 * {@code -Djdk.net.hosts.file}: made-up names (each looked up once, so that no answer comes from
 * the JDK's cache), the local host, a name the file lacks, and an IP literal, which needs no lookup.
 * The first is the JVM's first lookup, which also loads the JDK's lookup machinery and settings.
 */
public final class DnsScenarios {
    public static final String FIRST = "first.blockwatch.test";
    public static final String BY_NAME = "by-name.blockwatch.test";
    public static final String ALL_BY_NAME = "all-by-name.blockwatch.test";
    public static final String UNKNOWN = "unknown.blockwatch.test";
    public static final String IP_LITERAL = "127.0.0.1";

    private DnsScenarios() {
    }

    public static void main(String[] args) throws Exception {
        try (SelectorLoop loop = new SelectorLoop("selector-loop")) {
            run(loop, "lookUpFirstName", DnsScenarios::lookUpFirstName);
            run(loop, "lookUpByName", DnsScenarios::lookUpByName);
            run(loop, "lookUpAllByName", DnsScenarios::lookUpAllByName);
            run(loop, "lookUpLocalHost", DnsScenarios::lookUpLocalHost);
            run(loop, "lookUpUnknownName", DnsScenarios::lookUpUnknownName);
            run(loop, "parseIpLiteral", DnsScenarios::parseIpLiteral);
        }
    }

    private static void run(SelectorLoop loop, String scenario, Callable<Object> call) throws Exception {
        loop.call(() -> Outcome.here(call.call())).print(scenario);
    }

    static String lookUpFirstName() throws UnknownHostException {
        return InetAddress.getByName(FIRST).getHostAddress();
    }

    static String lookUpByName() throws UnknownHostException {
        return InetAddress.getByName(BY_NAME).getHostAddress();
    }

    static String lookUpAllByName() throws UnknownHostException {
        return Arrays.toString(Arrays.stream(InetAddress.getAllByName(ALL_BY_NAME))
                .map(InetAddress::getHostAddress).toArray());
    }

    /** The local host's name, as a report's detail names it, and its address from the hosts file. */
    static String lookUpLocalHost() throws UnknownHostException {
        InetAddress local = InetAddress.getLocalHost();
        return local.getHostName() + "/" + local.getHostAddress();
    }

    static String lookUpUnknownName() {
        try {
            return InetAddress.getByName(UNKNOWN).getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    static String parseIpLiteral() throws UnknownHostException {
        return InetAddress.getByName(IP_LITERAL).getHostAddress();
    }
}
