package dev.blockwatch.report;

import dev.blockwatch.config.AllowRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A stack taken for a report: walked on the calling thread for a call that returned, or taken
 * from the blocked thread for a call in progress. Frames become text only when a sink writes
 * them, on blockwatch's writer thread.
 */
abstract class CapturedStack {
    private List<String> lines;

    abstract int size();

    abstract String className(int frame);

    abstract String methodName(int frame);

    /**
     * The frame as {@link StackTraceElement#toString()} writes it for an exception's stack: a
     * module name may lead, but never a class loader name or a module version, which
     * {@link Thread#getStackTrace()} adds on some JDKs; so a site reads the same in a call's
     * in-progress and final reports.
     */
    abstract String text(int frame);

    /** The class loader of the frame's class, or null when it is not known. */
    abstract ClassLoader classLoader(int frame);

    /** The first {@code count} frames. */
    abstract CapturedStack first(int count);

    /** Every frame as text; computed once. */
    final List<String> lines() {
        if (lines == null) {
            List<String> text = new ArrayList<>(size());
            for (int i = 0; i < size(); i++) {
                text.add(text(i));
            }
            lines = Collections.unmodifiableList(text);
        }
        return lines;
    }

    /** Whether any frame is in one of the methods or types of these rules: the call was made inside it. */
    final boolean inside(List<AllowRule> rules) {
        for (int i = 0; i < size() && !rules.isEmpty(); i++) {
            for (AllowRule rule : rules) {
                if (rule.matches(className(i), methodName(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    static String format(StackTraceElement frame) {
        StringBuilder text = new StringBuilder(96);
        if (frame.getModuleName() != null) {
            text.append(frame.getModuleName()).append('/');
        }
        text.append(frame.getClassName()).append('.').append(frame.getMethodName()).append('(');
        if (frame.isNativeMethod()) {
            text.append("Native Method");
        } else if (frame.getFileName() == null) {
            text.append("Unknown Source");
        } else {
            text.append(frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                text.append(':').append(frame.getLineNumber());
            }
        }
        return text.append(')').toString();
    }

    /**
     * This stack under a frame for the native JDK method the call went to: a call rewritten to
     * be timed ({@code Thread.sleep(long)} on JDK 17) returns to blockwatch's substitute, not to
     * the JDK method, so the walked stack starts at the application's line.
     */
    final CapturedStack underNativeCallee(String operation) {
        int dot = operation.lastIndexOf('.');
        StackTraceElement callee = new StackTraceElement(null, "java.base", null, operation.substring(0, dot),
                operation.substring(dot + 1), null, -2);
        return new UnderCallee(callee, this);
    }

    /** Frames walked by a {@link StackWalker} that retains class references. */
    static CapturedStack walked(List<StackWalker.StackFrame> frames) {
        return new Frames<>(frames, StackWalker.StackFrame::getClassName, StackWalker.StackFrame::getMethodName,
                StackWalker.StackFrame::toStackTraceElement, frame -> frame.getDeclaringClass().getClassLoader());
    }

    /** Frames as {@link Thread#getStackTrace()} gives them; their class loaders are not known. */
    static CapturedStack of(StackTraceElement[] frames) {
        return new Frames<>(List.of(frames), StackTraceElement::getClassName, StackTraceElement::getMethodName,
                frame -> frame, frame -> null);
    }

    /** A list of frames of either kind, read through the accessors of that kind. */
    private static final class Frames<T> extends CapturedStack {
        private final List<T> frames;
        private final Function<T, String> className;
        private final Function<T, String> methodName;
        private final Function<T, StackTraceElement> element;
        private final Function<T, ClassLoader> classLoader;

        Frames(List<T> frames, Function<T, String> className, Function<T, String> methodName,
               Function<T, StackTraceElement> element, Function<T, ClassLoader> classLoader) {
            this.frames = frames;
            this.className = className;
            this.methodName = methodName;
            this.element = element;
            this.classLoader = classLoader;
        }

        @Override
        int size() {
            return frames.size();
        }

        @Override
        String className(int frame) {
            return className.apply(frames.get(frame));
        }

        @Override
        String methodName(int frame) {
            return methodName.apply(frames.get(frame));
        }

        @Override
        String text(int frame) {
            return format(element.apply(frames.get(frame)));
        }

        @Override
        ClassLoader classLoader(int frame) {
            return classLoader.apply(frames.get(frame));
        }

        @Override
        CapturedStack first(int count) {
            return new Frames<>(List.copyOf(frames.subList(0, Math.min(count, frames.size()))), className, methodName,
                    element, classLoader);
        }
    }

    private static final class UnderCallee extends CapturedStack {
        private final StackTraceElement callee;
        private final CapturedStack rest;

        UnderCallee(StackTraceElement callee, CapturedStack rest) {
            this.callee = callee;
            this.rest = rest;
        }

        @Override
        int size() {
            return rest.size() + 1;
        }

        @Override
        String className(int frame) {
            return frame == 0 ? callee.getClassName() : rest.className(frame - 1);
        }

        @Override
        String methodName(int frame) {
            return frame == 0 ? callee.getMethodName() : rest.methodName(frame - 1);
        }

        @Override
        String text(int frame) {
            return frame == 0 ? format(callee) : rest.text(frame - 1);
        }

        @Override
        ClassLoader classLoader(int frame) {
            return frame == 0 ? null : rest.classLoader(frame - 1);
        }

        @Override
        CapturedStack first(int count) {
            return new UnderCallee(callee, rest.first(Math.max(count - 1, 0)));
        }
    }
}
