package dev.blockwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A baseline entry's site: the method of the report's site frame, without loader/module prefix and line. */
class SiteKeyTest {
    @Test
    void theLineAndFileAreLeftOut() {
        assertEquals("com.example.Handler.channelRead", SiteKey.methodOf("com.example.Handler.channelRead(Handler.java:42)"));
        assertEquals("com.example.Handler.channelRead", SiteKey.methodOf("com.example.Handler.channelRead(Handler.java)"));
        assertEquals("com.example.Handler.channelRead", SiteKey.methodOf("com.example.Handler.channelRead(Unknown Source)"));
        assertEquals("com.example.Native.poll", SiteKey.methodOf("com.example.Native.poll(Native Method)"));
    }

    @Test
    void theClassLoaderAndModulePrefixesAreLeftOut() {
        assertEquals("com.example.Handler.channelRead", SiteKey.methodOf("app//com.example.Handler.channelRead(Handler.java:42)"));
        assertEquals("java.lang.Thread.run", SiteKey.methodOf("java.base/java.lang.Thread.run(Thread.java:840)"));
        assertEquals("com.foo.Main.run", SiteKey.methodOf("com.foo.loader/foo@9.0/com.foo.Main.run(Main.java:101)"));
        assertEquals("com.foo.Main.run", SiteKey.methodOf("foo@9.0/com.foo.Main.run(Main.java:101)"));
    }

    @Test
    void aHiddenClassKeepsTheSlashOfItsName() {
        assertEquals("com.example.Handler$$Lambda/0x0000000800c03000.run",
                SiteKey.methodOf("app//com.example.Handler$$Lambda/0x0000000800c03000.run(Unknown Source)"));
        assertEquals("com.example.Handler$$Lambda$14/0x0000000800c03000.run",
                SiteKey.methodOf("com.example.Handler$$Lambda$14/0x0000000800c03000.run(Unknown Source)"));
    }

    @Test
    void theSameMethodAtAnotherLineIsTheSameKey() {
        assertEquals(SiteKey.of("app//com.example.Handler.channelRead(Handler.java:42)", "file", ReportLines.READ),
                SiteKey.of("com.example.Handler.channelRead(Handler.java:57)", "file", ReportLines.READ));
    }

    @Test
    void categoryAndOperationArePartOfTheKey() {
        SiteKey read = SiteKey.of(ReportLines.HANDLER, "file", ReportLines.READ);
        SiteKey write = SiteKey.of(ReportLines.HANDLER, "file", "java.io.FileOutputStream.write");

        assertEquals(2, new TreeSet<>(List.of(read, write)).size());
    }

    @Test
    void noSiteIsTheUnknownSite() {
        assertEquals(new SiteKey("(unknown site)", "sleep", ReportLines.SLEEP), SiteKey.of(null, "sleep", ReportLines.SLEEP));
    }

    @Test
    void keysSortByMethodThenCategoryThenOperation() {
        SiteKey a = new SiteKey("a.A.m", "wait", "z");
        SiteKey b = new SiteKey("b.B.m", "file", "y");
        SiteKey bSleep = new SiteKey("b.B.m", "sleep", "a");
        SiteKey bSleepLater = new SiteKey("b.B.m", "sleep", "b");

        assertEquals(List.of(a, b, bSleep, bSleepLater), List.copyOf(new TreeSet<>(List.of(bSleepLater, bSleep, b, a))));
    }
}
