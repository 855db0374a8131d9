package dev.blockwatch;

import dev.blockwatch.agent.AgentInThisJvm;
import dev.blockwatch.config.BadOptionException;
import dev.blockwatch.config.RecordingOptions;
import dev.blockwatch.report.ReportPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Properties;

/**
 * The public API of blockwatch, for applications and tests that have the agent jar on their class
 * path. {@link #watchCurrentThread} is safe without the agent: it then does nothing;
 * {@link #record} starts blockwatch in this JVM when it is not active yet.
 */
public final class Blockwatch {
    private static final String RUNTIME = "dev.blockwatch.bootstrap.BlockwatchRuntime";
    private static volatile Method watchCurrentThread;

    private Blockwatch() {
    }

    /**
     * Watches the calling thread from now on, as if it were an event loop: its blocking calls
     * over the threshold are reported.
     */
    public static void watchCurrentThread() {
        Method method = watchCurrentThread;
        if (method == null) {
            method = runtimeMethod("watchCurrentThread");
            if (method == null) {
                return;
            }
            watchCurrentThread = method;
        }
        try {
            method.invoke(null);
        } catch (ReflectiveOperationException e) {
            // the agent's runtime refused; the thread simply stays as it was
        }
    }

    /** {@link #record(String)} with the agent's threshold and categories. */
    public static BlockingCallRecording record() {
        return record("");
    }

    /**
     * Starts collecting the blocking calls over a threshold that watched threads make from now on,
     * for assertions of one's own; they are reported as usual too. When blockwatch is not active in
     * this JVM, it is started here first with its default options (and any {@code blockwatch.*}
     * system properties, {@code BLOCKWATCH_*} variables and config file), which takes a second or two.
     *
     * @param options {@code key=value} pairs separated by commas, as the agent takes them:
     *                {@code threshold} (below the agent's too), {@code categories} (among those
     *                instrumented) and {@code allow}, such as {@code threshold=50ms,categories=sleep+file}
     * @throws IllegalArgumentException for a bad option, in one line
     * @throws IllegalStateException    when blockwatch cannot be started here, with the reason
     */
    public static BlockingCallRecording record(String options) {
        RecordingOptions recordingOptions;
        try {
            recordingOptions = RecordingOptions.parse(options);
        } catch (BadOptionException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        ReportPipeline pipeline = AgentInThisJvm.activeOrStartedPipeline();
        return new BlockingCallRecording(pipeline, pipeline.startRecording(recordingOptions));
    }

    /** The version of blockwatch, as built. */
    public static String version() {
        try (InputStream in = Blockwatch.class.getResourceAsStream("/blockwatch-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The agent's runtime lives in the bootstrap class loader once the agent has started. */
    private static Method runtimeMethod(String name) {
        try {
            return Class.forName(RUNTIME, false, null).getMethod(name);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
