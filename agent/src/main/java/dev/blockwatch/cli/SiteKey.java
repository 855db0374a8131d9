package dev.blockwatch.cli;

import java.util.Comparator;

/**
 * What a baseline entry is about: the calling method, its category and its operation. The method
 * is the report's {@code site} frame without its class-loader/module prefix ({@code app//},
 * {@code java.base/}) and without its {@code (File.java:42)} location: a line number moves
 * whenever unrelated lines above the call are edited, and that must not fail CI.
 */
record SiteKey(String method, String category, String operation) implements Comparable<SiteKey> {
    /** The method of a call whose report has no {@code site}. */
    static final String UNKNOWN_SITE = "(unknown site)";

    private static final Comparator<SiteKey> ORDER = Comparator.comparing(SiteKey::method)
            .thenComparing(SiteKey::category).thenComparing(SiteKey::operation);

    static SiteKey of(String site, String category, String operation) {
        return new SiteKey(site == null ? UNKNOWN_SITE : methodOf(site), category, operation);
    }

    /**
     * {@code com.example.Handler.channelRead} of a frame as {@code StackTraceElement.toString()}
     * writes it: {@code loader/module@1.0/com.example.Handler.channelRead(Handler.java:42)}.
     */
    static String methodOf(String frame) {
        String method = frame;
        int location = frame.lastIndexOf('(');
        if (location > 0 && frame.endsWith(")")) {
            method = frame.substring(0, location);
        }
        // A hidden class's name has a '/' of its own (Foo$$Lambda/0x0000000800c03000): that one stays.
        int prefixEnd = method.lastIndexOf('/');
        while (prefixEnd >= 0 && method.startsWith("0x", prefixEnd + 1)) {
            prefixEnd = method.lastIndexOf('/', prefixEnd - 1);
        }
        return method.substring(prefixEnd + 1);
    }

    @Override
    public int compareTo(SiteKey other) {
        return ORDER.compare(this, other);
    }
}
