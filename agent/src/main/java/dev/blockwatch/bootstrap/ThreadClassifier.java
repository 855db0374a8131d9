package dev.blockwatch.bootstrap;

/** Decides, once per thread and on that thread, whether its blocking calls are watched. */
public interface ThreadClassifier {
    boolean isWatched(Thread thread);
}
