package dev.blockwatch.junit;

import dev.blockwatch.BlockingCall;
import dev.blockwatch.BlockingCallRecording;
import dev.blockwatch.Blockwatch;
import dev.blockwatch.agent.AgentInThisJvm;
import dev.blockwatch.config.BlockwatchOptions;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link DetectBlocking}: records the blocking calls made on watched
 * threads from the start to the end of each test method, and fails the test that made any. A call
 * belongs to the test during which it started, so a call left running by one test never fails the
 * next. blockwatch is started in the test JVM the first time it is needed, unless it is there
 * already (such as from {@code -javaagent} in Surefire's {@code argLine}).
 */
public final class BlockwatchExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BlockwatchExtension.class);
    private static final String RECORDING = "recording";
    /** Whether this extension started blockwatch in this JVM, and so may give it other options. */
    private static boolean startedHere;

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        DetectBlocking settings = settings(context);
        String threads = settings != null ? settings.threads() : "";
        ensureActive(threads, context);
        try {
            BlockingCallRecording recording = Blockwatch.record(recordingOptions(settings));
            context.getStore(NAMESPACE).put(RECORDING, recording);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@DetectBlocking on " + where(context) + ": " + e.getMessage());
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        BlockingCallRecording recording = context.getStore(NAMESPACE).remove(RECORDING, BlockingCallRecording.class);
        if (recording == null) {
            return;
        }
        recording.close();
        List<BlockingCall> calls = recording.calls();
        if (!calls.isEmpty()) {
            throw new AssertionError(failureMessage(calls, recording));
        }
    }

    /**
     * Starts blockwatch when it is off, or when this extension started it with other threads than
     * the test asks for; blockwatch started by someone else is never given other options.
     */
    private static synchronized void ensureActive(String threads, ExtensionContext context) {
        BlockwatchOptions active = AgentInThisJvm.activeOptions();
        String options = threads.isEmpty() ? "" : "threads=" + threads;
        try {
            if (active == null) {
                AgentInThisJvm.start(options);
                startedHere = true;
            } else if (!threads.isEmpty() && !threads.equals(active.threads().optionName())) {
                if (!startedHere) {
                    throw new ExtensionConfigurationException("@DetectBlocking(threads = \"" + threads + "\") on "
                            + where(context) + " needs blockwatch watching threads=" + threads
                            + ", but it runs in this JVM with threads=" + active.threads().optionName()
                            + " (from -javaagent or blockwatch.threads); give the agent threads=" + threads
                            + ", or run these tests in a JVM of their own");
                }
                AgentInThisJvm.start(options);
            }
        } catch (IllegalStateException e) {
            throw new ExtensionConfigurationException("@DetectBlocking on " + where(context) + ": " + e.getMessage(), e);
        }
    }

    /** The test method's annotation, else its class's, else that of a class it is nested in. */
    private static DetectBlocking settings(ExtensionContext context) {
        Optional<DetectBlocking> found = find(context.getTestMethod().orElse(null));
        for (Class<?> type = context.getTestClass().orElse(null); found.isEmpty() && type != null;
             type = type.getEnclosingClass()) {
            found = find(type);
        }
        return found.orElse(null);
    }

    private static Optional<DetectBlocking> find(AnnotatedElement element) {
        return element == null ? Optional.empty() : AnnotationSupport.findAnnotation(element, DetectBlocking.class);
    }

    private static String recordingOptions(DetectBlocking settings) {
        if (settings == null) {
            return "";
        }
        StringBuilder options = new StringBuilder();
        append(options, "threshold", settings.threshold());
        append(options, "categories", String.join("+", settings.categories()));
        append(options, "allow", String.join("+", settings.allow()));
        return options.toString();
    }

    private static void append(StringBuilder options, String key, String value) {
        if (!value.isEmpty()) {
            options.append(options.length() == 0 ? "" : ",").append(key).append('=').append(value);
        }
    }

    private static String failureMessage(List<BlockingCall> calls, BlockingCallRecording recording) {
        String nl = System.lineSeparator();
        StringBuilder message = new StringBuilder("blockwatch: ").append(calls.size())
                .append(calls.size() == 1 ? " blocking call" : " blocking calls").append(" of at least ")
                .append(millis(recording.threshold().toNanos())).append(" ms on watched threads during this test:");
        int number = 1;
        for (BlockingCall call : calls) {
            message.append(nl).append(number++).append(") ").append(call.describe());
        }
        return message.append(nl).append("Move each call off the event loop (to a worker executor, say), or, if it")
                .append(" is expected, name it in @DetectBlocking(allow = \"com.example.Type#method\").").toString();
    }

    private static String millis(long nanos) {
        return nanos % 1_000_000 == 0 ? String.valueOf(nanos / 1_000_000) : String.valueOf(nanos / 1e6);
    }

    private static String where(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.getDeclaringClass().getName() + "." + method.getName())
                .orElseGet(() -> context.getTestClass().map(Class::getName).orElse(context.getDisplayName()));
    }
}
