package dev.blockwatch.report;

import java.util.List;

/**
 * Finds the application's line that made a call: the first frame that is not the JDK, not
 * blockwatch, not reflection, lambda or proxy glue, and not in a package the user asked to
 * skip ({@code site-skip}). When every frame is skipped, the first frame outside the JDK;
 * when there is none, the instrumented method itself.
 */
final class SiteLocator {
    private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private final List<String> skippedPrefixes;

    SiteLocator(List<String> skippedPrefixes) {
        this.skippedPrefixes = List.copyOf(skippedPrefixes);
    }

    int siteIndex(List<StackWalker.StackFrame> frames) {
        int firstOutsideJdk = -1;
        for (int i = 0; i < frames.size(); i++) {
            String className = frames.get(i).getClassName();
            if (isJdk(className) || OwnCode.isOwn(className)) {
                continue;
            }
            if (firstOutsideJdk < 0) {
                firstOutsideJdk = i;
            }
            if (!isGlue(className) && !isSkipped(className)) {
                return i;
            }
        }
        return Math.max(firstOutsideJdk, 0);
    }

    static boolean isJdk(String className) {
        for (String prefix : JDK) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGlue(String className) {
        return className.contains("$$Lambda") || className.contains("$Proxy");
    }

    private boolean isSkipped(String className) {
        for (String prefix : skippedPrefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
