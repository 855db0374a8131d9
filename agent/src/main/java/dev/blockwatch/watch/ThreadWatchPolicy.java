package dev.blockwatch.watch;

import dev.blockwatch.bootstrap.ThreadClassifier;
import dev.blockwatch.config.BlockwatchOptions;
import dev.blockwatch.config.ThreadMode;
import java.util.regex.Pattern;

/**
 * Judges whether a thread is watched, once per thread, on that thread (the bootstrap runtime
 * caches the answer). Threads that wait in a Selector and threads marked through the API are
 * made watched by the runtime itself, whatever this policy said first.
 */
public final class ThreadWatchPolicy implements ThreadClassifier {
    private final boolean everyThread;
    private final Pattern threadNames;

    public ThreadWatchPolicy(BlockwatchOptions options) {
        this.everyThread = options.threads() == ThreadMode.ALL;
        this.threadNames = options.threadNames();
    }

    @Override
    public boolean isWatched(Thread thread) {
        if (everyThread) {
            return true;
        }
        if (threadNames != null && threadNames.matcher(thread.getName()).matches()) {
            return true;
        }
        return NettyEventLoops.isIoEventLoop(thread)
                || VertxEventLoops.isEventLoop(thread)
                || ReactorNonBlockingThreads.isNonBlocking(thread);
    }
}
