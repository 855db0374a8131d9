package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.DnsScenarios;
import dev.blockwatch.it.apps.SlowResolverScenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code dns} family. On every JDK, lookups answered from a hosts file the test writes
 * ({@code -Djdk.net.hosts.file}) are reported at threshold 0 with the name looked up as detail, and
 * an IP literal, which needs no lookup, is not. On JDK 18 and later, a lookup through an
 * {@code InetAddressResolverProvider} that takes 150 ms (compiled by the test with the child's own
 * javac) is reported at threshold 50 ms as the {@code InetAddress} call, once, although the
 * resolver sleeps inside it.
 */
class DnsCallsTest {
    private static final String LOOP = "selector-loop";
    private static final String RESOLVER_SOURCE = "/jdk18/SlowResolverProvider.java";
    private static final String RESOLVER_CLASS = "dev.blockwatch.it.resolver.SlowResolverProvider";
    private static final String FIRST_ADDRESS = "127.0.0.8";
    private static final String BY_NAME_ADDRESS = "127.0.0.9";
    private static final String ALL_BY_NAME_ADDRESS = "127.0.0.10";
    private static final String LOCAL_HOST_ADDRESS = "127.0.0.12";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> HOSTS_FILE = new OncePerJdk<>("hosts-file", jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        return child.jvmFlag("-Djdk.net.hosts.file=" + writeHostsFile(child))
                .agent("threshold=0ms,log=false,json=" + child.reportFile())
                .run(DnsScenarios.class)
                .assertExitedNormally();
    });

    private static final OncePerJdk<ChildJvm.Result> SLOW_RESOLVER =
            new OncePerJdk<>("slow-resolver", jdksWithResolverProviders(), jdk -> {
                ChildJvm child = ChildJvm.on(jdk, workDir);
                return child.classPathEntry(compileSlowResolver(jdk, child.reportFile().resolveSibling("resolver")))
                        .agent("threshold=50ms,json=" + child.reportFile())
                        .run(SlowResolverScenarios.class)
                        .assertExitedNormally();
            });

    /** The JDKs with {@code java.net.spi.InetAddressResolverProvider}, which came in JDK 18. */
    static List<Jdk> jdksWithResolverProviders() {
        return Jdk.all().stream().filter(jdk -> jdk.feature() >= 18).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void firstLookupOfTheJvmIsReportedOnceAsTheLookup(Jdk jdk) {
        ChildJvm.Result child = HOSTS_FILE.get(jdk);
        assertEquals(FIRST_ADDRESS, child.fact("lookUpFirstName.value"), "result of lookUpFirstName");
        // The first use of InetAddress initialises the class, which on some JDKs reads the JDK's security
        // properties before the lookup method runs: real reads on the loop at this line, reported as file reads.
        List<ReportRecord> atSite = child.report().finalCallsAt(DnsScenarios.class, "lookUpFirstName");
        List<ReportRecord> lookups = atSite.stream().filter(r -> r.string("category").equals("dns")).toList();
        assertEquals(1, lookups.size(), "dns records at lookUpFirstName: " + atSite);
        new ExpectedCall("dns", "java.net.InetAddress.getByName", DnsScenarios.FIRST, LOOP,
                Long.parseLong(child.fact("lookUpFirstName.threadId")), DnsScenarios.class, "lookUpFirstName", 0, 1000, 0)
                .assertMatches(lookups.get(0), child);
        for (ReportRecord other : atSite) {
            if (!other.string("category").equals("dns")) {
                assertEquals("file", other.string("category"), "other record at lookUpFirstName: " + other);
                assertTrue(other.string("detail").startsWith(jdk.home().toString()),
                        "a file record at lookUpFirstName should read the JDK's own configuration: " + other);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void getByNameFromTheHostsFileIsReportedAtThresholdZero(Jdk jdk) {
        assertLookupReported(HOSTS_FILE.get(jdk), "lookUpByName", BY_NAME_ADDRESS, "java.net.InetAddress.getByName",
                DnsScenarios.BY_NAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void getAllByNameFromTheHostsFileIsReportedAtThresholdZero(Jdk jdk) {
        assertLookupReported(HOSTS_FILE.get(jdk), "lookUpAllByName", "[" + ALL_BY_NAME_ADDRESS + "]",
                "java.net.InetAddress.getAllByName", DnsScenarios.ALL_BY_NAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void getLocalHostIsReportedWithTheLocalHostsName(Jdk jdk) {
        String name = localHostName();
        assertLookupReported(HOSTS_FILE.get(jdk), "lookUpLocalHost", name + "/" + LOCAL_HOST_ADDRESS,
                "java.net.InetAddress.getLocalHost", name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void failedLookupIsReportedToo(Jdk jdk) {
        assertLookupReported(HOSTS_FILE.get(jdk), "lookUpUnknownName", "unknown", "java.net.InetAddress.getByName",
                DnsScenarios.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void ipLiteralNeedsNoLookupAndIsNotReported(Jdk jdk) {
        ChildJvm.Result child = HOSTS_FILE.get(jdk);
        assertEquals(DnsScenarios.IP_LITERAL, child.fact("parseIpLiteral.value"), "address of the literal");
        assertEquals(LOOP, child.fact("parseIpLiteral.thread"), "thread of parseIpLiteral");
        assertEquals(List.of(), child.report().blockingCallsAt(DnsScenarios.class, "parseIpLiteral"),
                "records of InetAddress.getByName(\"" + DnsScenarios.IP_LITERAL + "\") at threshold 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdksWithResolverProviders")
    void slowLookupThroughAResolverProviderIsReportedOnceWithTheHostName(Jdk jdk) {
        ChildJvm.Result child = SLOW_RESOLVER.get(jdk);
        assertEquals("127.0.0.1", child.fact("lookUpSlowName.value"), "the slow resolver's answer");
        assertEquals(LOOP, child.fact("lookUpSlowName.thread"), "thread of lookUpSlowName");
        Report report = child.report();
        ReportRecord call = report.onlyFinalCallAt(SlowResolverScenarios.class, "lookUpSlowName");
        new ExpectedCall("dns", "java.net.InetAddress.getByName", SlowResolverScenarios.SLOW_NAME, LOOP,
                Long.parseLong(child.fact("lookUpSlowName.threadId")), SlowResolverScenarios.class, "lookUpSlowName",
                100, 1000, 50)
                .assertMatches(call, child);
        // The resolver's own Thread.sleep, inside the lookup, is not reported apart.
        assertEquals(List.of(call), report.finalCalls(), "final records of the application's one slow call");
    }

    private static void assertLookupReported(ChildJvm.Result child, String scenario, String value, String operation,
                                             String hostName) {
        assertEquals(value, child.fact(scenario + ".value"), "result of " + scenario);
        assertEquals(LOOP, child.fact(scenario + ".thread"), "thread of " + scenario);
        ReportRecord call = child.report().onlyFinalCallAt(DnsScenarios.class, scenario);
        new ExpectedCall("dns", operation, hostName, LOOP, Long.parseLong(child.fact(scenario + ".threadId")),
                DnsScenarios.class, scenario, 0, 1000, 0)
                .assertMatches(call, child);
    }

    /** A hosts file in the child's directory for every name {@link DnsScenarios} looks up. */
    private static Path writeHostsFile(ChildJvm child) {
        String hosts = String.join("\n",
                FIRST_ADDRESS + " " + DnsScenarios.FIRST,
                BY_NAME_ADDRESS + " " + DnsScenarios.BY_NAME,
                ALL_BY_NAME_ADDRESS + " " + DnsScenarios.ALL_BY_NAME,
                LOCAL_HOST_ADDRESS + " " + localHostName(),
                "");
        try {
            return Files.writeString(child.reportFile().resolveSibling("hosts"), hosts, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name getLocalHost looks up: the kernel's host name (read here without a lookup). */
    private static String localHostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles the slow resolver with the JDK's own javac into the directory and registers it as
     * the {@code InetAddressResolverProvider} service; returns the directory, a class path entry.
     */
    private static Path compileSlowResolver(Jdk jdk, Path classes) {
        URL source = DnsCallsTest.class.getResource(RESOLVER_SOURCE);
        if (source == null) {
            throw new AssertionError(RESOLVER_SOURCE + " is not on the test class path");
        }
        try {
            jdk.runTool(classes.getParent(), "javac", "-d", classes.toString(), Path.of(source.toURI()).toString());
            Path services = Files.createDirectories(classes.resolve("META-INF/services"));
            Files.writeString(services.resolve("java.net.spi.InetAddressResolverProvider"), RESOLVER_CLASS + "\n");
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
