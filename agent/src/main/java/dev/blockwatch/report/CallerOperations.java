package dev.blockwatch.report;

import dev.blockwatch.instrument.CallerApi;
import java.util.Map;

/**
 * Names a call that was timed in a low-level method many APIs block in (such as
 * {@code LockSupport.park}) after the API the application called: the outermost method, on the
 * stack, of the family's API package or type ({@code CountDownLatch.await},
 * {@code ReentrantLock.lock}, {@code InetAddress.getByName}), or the dynamic proxy method that
 * called into the library, as a method of the interface the proxy stands for (a Lettuce command). Also
 * recognises a thread pool's own idle wait for work, which is not a blocking call of the
 * application.
 */
final class CallerOperations {
    private static final String[] POOL_IDLE_WAITS = {
        "java.util.concurrent.ThreadPoolExecutor.getTask", "java.util.concurrent.ForkJoinPool.awaitWork",
    };

    private final Map<String, CallerApi> callerApis;

    /** @param callerApis per operation so named, what names it */
    CallerOperations(Map<String, CallerApi> callerApis) {
        this.callerApis = Map.copyOf(callerApis);
    }

    String name(String operation, CapturedStack stack) {
        CallerApi api = callerApis.get(operation);
        if (api == null) {
            return operation;
        }
        return api.proxiedLibrary() != null ? proxiedName(operation, api, stack)
                : outermostName(operation, api.packageOrType(), stack);
    }

    private static String outermostName(String operation, String api, CapturedStack stack) {
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

    private static String proxiedName(String operation, CallerApi api, CapturedStack stack) {
        String library = api.proxiedLibrary();
        // a live stack, taken while the call is blocked, starts deeper, in the JDK
        int frame = 0;
        while (frame < stack.size() && !ClassNames.isIn(library, stack.className(frame))) {
            frame++;
        }
        while (frame < stack.size() && ClassNames.isIn(library, stack.className(frame))) {
            frame++;
        }
        if (frame < stack.size() && SiteLocator.isProxy(stack.className(frame))) {
            return api.packageOrType() + "." + stack.methodName(frame);
        }
        return operation;
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
