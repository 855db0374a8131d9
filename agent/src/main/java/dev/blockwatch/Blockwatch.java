package dev.blockwatch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Properties;

/**
 * The public API of blockwatch, for applications that have the agent jar on their class path.
 * Every method is safe without the agent: it then does nothing.
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
