package dev.blockwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The figures of one site: count, p99 by nearest rank, max and the slowest call's site text. */
class SiteCallsTest {
    private static SiteCalls withDurations(double... durationsMs) {
        SiteCalls site = new SiteCalls(new SiteKey("com.example.Handler.channelRead", "file", ReportLines.READ));
        for (double duration : durationsMs) {
            site.add(duration, "com.example.Handler.channelRead(Handler.java:" + (int) duration + ")");
        }
        return site;
    }

    private static double[] oneTo(int n) {
        double[] durations = new double[n];
        for (int i = 0; i < n; i++) {
            durations[n - 1 - i] = i + 1; // descending: p99 must sort them
        }
        return durations;
    }

    @Test
    void oneCallIsItsOwnP99() {
        assertEquals(25.0, withDurations(25.0).p99Ms());
    }

    @Test
    void p99IsTheNearestRank() {
        // rank = ceil(0.99 * n)
        assertEquals(99.0, withDurations(oneTo(100)).p99Ms());
        assertEquals(100.0, withDurations(oneTo(101)).p99Ms());
        assertEquals(198.0, withDurations(oneTo(200)).p99Ms());
        assertEquals(50.0, withDurations(oneTo(50)).p99Ms());
        assertEquals(3.0, withDurations(3.0, 1.0, 2.0).p99Ms());
    }

    @Test
    void oneOutlierInAHundredDoesNotMoveTheP99() {
        double[] durations = new double[100];
        Arrays.fill(durations, 20.0);
        durations[37] = 900.0;

        SiteCalls site = withDurations(durations);

        assertEquals(20.0, site.p99Ms());
        assertEquals(900.0, site.maxMs());
        assertEquals(100, site.count());
    }

    @Test
    void theSlowestCallNamesTheSite() {
        SiteCalls site = withDurations(30.0, 75.0, 40.0);

        assertEquals(75.0, site.maxMs());
        assertEquals("com.example.Handler.channelRead(Handler.java:75)", site.slowestSite());
    }

    @Test
    void callsOverALimitAreThoseLongerThanIt() {
        SiteCalls site = withDurations(49.9, 50.0, 50.1, 120.0);

        assertEquals(2, site.countOver(50.0));
        assertEquals(0, site.countOver(120.0));
        assertEquals(4, site.countOver(0));
    }

    @Test
    void addingAfterAP99SortsAgain() {
        SiteCalls site = withDurations(10.0);
        assertEquals(10.0, site.p99Ms());

        site.add(5.0, null);
        site.add(70.0, null);

        assertEquals(70.0, site.p99Ms());
        assertEquals("(unknown site)", site.slowestSite());
    }
}
