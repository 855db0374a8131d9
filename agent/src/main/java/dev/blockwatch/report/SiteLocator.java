package dev.blockwatch.report;

import java.util.List;

/**
 * Finds the application's line that made a call: the first frame that is not the JDK, not
 * blockwatch, not reflection, lambda or proxy glue, not a library the application called to
 * do the blocking work (a JDBC driver or pool, a Redis client, Netty's promises), and not in a
 * package the user asked to skip ({@code site-skip}). When every frame is skipped, the first
 * frame outside the JDK; when there is none, the instrumented method itself.
 */
final class SiteLocator {
    private static final String[] JDK = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
    private static final List<String> CALLED_LIBRARIES = List.of(
            "org.postgresql", "org.mariadb.jdbc", "com.mysql", "org.h2", "com.zaxxer.hikari",
            "org.apache.commons.dbcp2", "redis.clients.jedis", "io.lettuce.core",
            "io.netty.util.concurrent", "io.netty.channel.DefaultChannelPromise");

    private final List<String> skippedPrefixes;

    SiteLocator(List<String> skippedPrefixes) {
        this.skippedPrefixes = List.copyOf(skippedPrefixes);
    }

    /** The site among the frames from {@code start} on. */
    int siteIndex(CapturedStack frames, int start) {
        int firstOutsideJdk = -1;
        for (int i = start; i < frames.size(); i++) {
            String className = frames.className(i);
            if (isJdk(className) || OwnCode.isOwn(className)) {
                continue;
            }
            if (firstOutsideJdk < 0) {
                firstOutsideJdk = i;
            }
            if (!isGlue(className) && !ClassNames.isInAny(CALLED_LIBRARIES, className)
                    && !ClassNames.isInAny(skippedPrefixes, className)) {
                return i;
            }
        }
        return firstOutsideJdk >= 0 ? firstOutsideJdk : start;
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
        return className.contains("$$Lambda") || isProxy(className);
    }

    /** Whether the class is a dynamic proxy ({@code jdk.proxy2.$Proxy12}). */
    static boolean isProxy(String className) {
        return className.contains("$Proxy");
    }
}
