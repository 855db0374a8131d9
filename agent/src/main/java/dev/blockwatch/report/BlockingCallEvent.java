package dev.blockwatch.report;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * The JDK Flight Recorder event of one reported call ({@code jfr=true}). It is committed on the
 * thread that made the call, inside the instrumented method, so that JFR's own event thread and
 * stack trace are the call's. Only this class and {@link JfrEvents} touch {@code jdk.jfr}:
 * a JVM without that module loads neither.
 */
@Name(BlockingCallEvent.NAME)
@Label("Blocking Call")
@Category("blockwatch")
@Description("A call over blockwatch's threshold on a watched thread, committed on that thread when the call"
        + " returned: the event thread and stack trace are the call's. The event's own start time and duration"
        + " are those of the commit; the call's are Call Start and Call Duration.")
final class BlockingCallEvent extends Event {
    static final String NAME = "blockwatch.BlockingCall";

    @Label("Category")
    @Description("blockwatch's family of the call: file, socket, dns, process, sleep, wait, jdbc or redis")
    String category;

    @Label("Operation")
    @Description("The API the application called, such as java.io.FileInputStream.read")
    String operation;

    @Label("Detail")
    @Description("What the call was about (a path, a remote address, a host, a command, SQL), shaped as the"
            + " detail option says; absent for sleeps and waits")
    String detail;

    @Label("Site")
    @Description("The application's frame that made the call")
    String site;

    @Label("Call Id")
    @Description("The call's number in this JVM, as in blockwatch's JSON Lines report")
    long callId;

    @Label("Call Duration")
    @Description("How long the call took, as blockwatch measured it")
    @Timespan(Timespan.NANOSECONDS)
    long callDuration;

    @Label("Call Start")
    @Description("When the call started")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long callStart;

    @Label("Threshold")
    @Description("blockwatch's threshold: calls at least this long are reported")
    @Timespan(Timespan.NANOSECONDS)
    long threshold;
}
