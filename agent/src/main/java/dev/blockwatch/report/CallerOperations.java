package dev.blockwatch.report;

import java.util.Map;

/**
 * Names a call that was timed in a low-level method many APIs block in (such as
 * {@code LockSupport.park}) after the API the application called: the outermost method, on the
 * stack, of the family's API package or type ({@code CountDownLatch.await},
 * {@code ReentrantLock.lock}, {@code InetAddress.getByName}). Also recognises a thread pool's
 * own idle wait for work, which is not a blocking call of the application.
 */
final class CallerOperations {
    private static final String[] POOL_IDLE_WAITS = {
        "java.util.concurrent.ThreadPoolExecutor.getTask", "java.util.concurrent.ForkJoinPool.awaitWork",
    };

    private final Map<String, String> callerApis;

    /** @param callerApis per operation so named, the package or type whose methods name it */
    CallerOperations(Map<String, String> callerApis) {
        this.callerApis = Map.copyOf(callerApis);
    }

    String name(String operation, CapturedStack stack) {
        String api = callerApis.get(operation);
        if (api == null) {
            return operation;
        }
        int frame = 0;
        while (frame < stack.size() && !ClassNames.isIn(api, stack.className(frame))) {
            frame++;
        }
        if (frame == stack.size()) {
            return operation;
        }
        while (frame + 1 < stack.size() && ClassNames.isIn(api, stack.className(frame + 1))) {
            frame++;
        }
        return stack.className(frame) + "." + stack.methodName(frame);
    }

    /** Whether the stack is a pool's worker waiting for its next task. */
    static boolean isPoolIdleWait(CapturedStack stack) {
        for (int frame = 0; frame < stack.size(); frame++) {
            String method = stack.className(frame) + "." + stack.methodName(frame);
            for (String idle : POOL_IDLE_WAITS) {
                if (idle.equals(method)) {
                    return true;
                }
            }
        }
        return false;
    }
}
