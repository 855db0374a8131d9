package dev.blockwatch.report;

/** Recognises blockwatch's own classes, which never appear in a reported stack or as a site. */
final class OwnCode {
    private static final String[] PACKAGES = {
        "dev.blockwatch.bootstrap.", "dev.blockwatch.agent.", "dev.blockwatch.config.", "dev.blockwatch.watch.",
        "dev.blockwatch.instrument.", "dev.blockwatch.report.", "dev.blockwatch.cli.", "dev.blockwatch.shaded.", "dev.blockwatch.junit.",
    };
    private static final String[] API_CLASSES = {
        "dev.blockwatch.Blockwatch", "dev.blockwatch.BlockingCall", "dev.blockwatch.BlockingCallRecording",
    };

    private OwnCode() {
    }

    static boolean isOwn(String className) {
        if (!className.startsWith("dev.blockwatch.")) {
            return false;
        }
        for (String prefix : PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String apiClass : API_CLASSES) {
            if (className.equals(apiClass)) {
                return true;
            }
        }
        return false;
    }
}
