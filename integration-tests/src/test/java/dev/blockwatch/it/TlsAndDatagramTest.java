package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.blockwatch.it.apps.LocalPeer;
import dev.blockwatch.it.apps.TlsAndDatagramScenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rest of the {@code socket} family at threshold 50 ms, each call blocking about 150 ms on a
 * selector loop: a TLS handshake with a local server that delays its side, reported as
 * {@code javax.net.ssl.SSLSocket.startHandshake} however it was started (explicitly, by the first
 * write, by the first read), with the server's {@code host:port}; a blocking datagram receive
 * through DatagramChannel and through DatagramSocket, with the sender's {@code host:port}. The
 * server's self-signed key pair is made with the child's own keytool. One child JVM per JDK runs
 * all of {@link TlsAndDatagramScenarios}.
 */
class TlsAndDatagramTest {
    private static final String LOOP = "selector-loop";
    private static final String HANDSHAKE = "javax.net.ssl.SSLSocket.startHandshake";

    @TempDir
    static Path workDir;

    private static final OncePerJdk<ChildJvm.Result> RUN = new OncePerJdk<>(jdk -> {
        ChildJvm child = ChildJvm.on(jdk, workDir);
        Path keyStore = child.reportFile().resolveSibling("server.p12");
        String password = TlsAndDatagramScenarios.KEY_STORE_PASSWORD;
        jdk.runTool(keyStore.getParent(), "keytool", "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        return child.agent("threshold=50ms,json=" + child.reportFile())
                .run(TlsAndDatagramScenarios.class, keyStore.toString())
                .assertExitedNormally();
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void explicitHandshakeIsReported(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertReported(child, "handshakeExplicitly", "handshaken", HANDSHAKE, child.fact("tls.peer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void handshakeStartedByTheFirstWriteIsReportedAsTheHandshake(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertReported(child, "handshakeOnFirstWrite", "written", HANDSHAKE, child.fact("tls.peer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void handshakeStartedByTheFirstReadIsReportedAsTheHandshake(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertReported(child, "handshakeOnFirstRead", String.valueOf(LocalPeer.ANSWER), HANDSHAKE,
                child.fact("tls.peer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void blockingDatagramChannelReceiveIsReportedWithTheSender(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        assertReported(child, "receiveOnChannel", String.valueOf(LocalPeer.ANSWER),
                "java.nio.channels.DatagramChannel.receive", child.fact("receiveOnChannel.sender"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void datagramSocketReceiveIsReportedOnceWithTheSender(Jdk jdk) {
        ChildJvm.Result child = RUN.get(jdk);
        // On every JDK here a DatagramSocket works through a DatagramChannel: the outer call is reported.
        assertReported(child, "receiveOnSocket", String.valueOf(LocalPeer.ANSWER), "java.net.DatagramSocket.receive",
                child.fact("receiveOnSocket.sender"));
    }

    private static void assertReported(ChildJvm.Result child, String scenario, String value, String operation,
                                       String detail) {
        assertEquals(value, child.fact(scenario + ".value"), "result of " + scenario);
        assertEquals(LOOP, child.fact(scenario + ".thread"), "thread of " + scenario);
        ReportRecord call = child.report().onlyFinalCallAt(TlsAndDatagramScenarios.class, scenario);
        new ExpectedCall("socket", operation, detail, LOOP, Long.parseLong(child.fact(scenario + ".threadId")),
                TlsAndDatagramScenarios.class, scenario, 100, 1000, 50)
                .assertMatches(call, child);
    }
}
