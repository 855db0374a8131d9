package dev.blockwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The site rule on real stacks: each test calls through classes made in application and library
 * packages ({@link ApplicationClasses}) down to a JDK method, where the stack is walked.
 */
class SiteLocatorTest {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Function<Stream<StackWalker.StackFrame>, List<StackWalker.StackFrame>> ALL_FRAMES =
            frames -> frames.collect(Collectors.toList());

    /** Walks the stack from inside a JDK method, as the advice of an instrumented JDK call would. */
    private static final Supplier<Object> WALK_INSIDE_JDK =
            () -> Optional.of(WALKER).map(walker -> walker.walk(ALL_FRAMES)).orElseThrow();

    /**
     * Walks the stack through {@code Method.invoke}, showing reflection frames (which blockwatch's
     * walker, like any default StackWalker, hides), so that they sit above the callers.
     */
    private static final Supplier<Object> WALK_THROUGH_REFLECTION = () -> {
        try {
            Method walk = StackWalker.class.getMethod("walk", Function.class);
            return walk.invoke(StackWalker.getInstance(StackWalker.Option.SHOW_REFLECT_FRAMES), ALL_FRAMES);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    };

    @SuppressWarnings("unchecked")
    private static List<StackWalker.StackFrame> walk(Supplier<Object> outermost) {
        return (List<StackWalker.StackFrame>) outermost.get();
    }

    private static int indexOf(List<StackWalker.StackFrame> frames, String className) {
        return indexOfFirst(frames, className, frame -> frame.getClassName().equals(className));
    }

    private static int indexOfPrefix(List<StackWalker.StackFrame> frames, String classNamePrefix) {
        return indexOfFirst(frames, classNamePrefix + "*", frame -> frame.getClassName().startsWith(classNamePrefix));
    }

    private static int indexOfFirst(List<StackWalker.StackFrame> frames, String wanted,
                                    Predicate<StackWalker.StackFrame> test) {
        for (int i = 0; i < frames.size(); i++) {
            if (test.test(frames.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no frame of " + wanted + " in " + frames);
    }

    private static String siteClass(List<String> siteSkip, List<StackWalker.StackFrame> frames) {
        return frames.get(new SiteLocator(siteSkip).siteIndex(CapturedStack.walked(frames), 0)).getClassName();
    }

    @Test
    void theSiteIsTheFirstFrameBelowTheJdkAndBlockwatch() {
        List<StackWalker.StackFrame> frames =
                walk(ApplicationClasses.caller("com.example.app.Handler", WALK_INSIDE_JDK));

        int handler = indexOf(frames, "com.example.app.Handler");
        assertTrue(indexOf(frames, "java.util.Optional") < handler, "a JDK frame precedes the application");
        assertTrue(indexOfPrefix(frames, "dev.blockwatch.report.") < handler,
                "a blockwatch frame precedes the application");
        assertEquals(handler, new SiteLocator(List.of()).siteIndex(CapturedStack.walked(frames), 0));
    }

    @Test
    void theInnermostApplicationOrLibraryFrameIsTheSite() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.caller("com.example.dao.Repository", WALK_INSIDE_JDK)));

        assertEquals("com.example.dao.Repository", siteClass(List.of(), frames));
    }

    @Test
    void reflectionFramesAreNotTheSite() {
        List<StackWalker.StackFrame> frames =
                walk(ApplicationClasses.caller("com.example.app.Handler", WALK_THROUGH_REFLECTION));

        assertTrue(indexOf(frames, "java.lang.reflect.Method") < indexOf(frames, "com.example.app.Handler"));
        assertEquals("com.example.app.Handler", siteClass(List.of(), frames));
    }

    @Test
    void aProxyInAJdkProxyModuleIsNotTheSite() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.jdkProxy(WALK_INSIDE_JDK)));

        assertTrue(indexOfPrefix(frames, "jdk.proxy") < indexOf(frames, "com.example.app.Handler"));
        assertEquals("com.example.app.Handler", siteClass(List.of(), frames));
    }

    @Test
    void aProxyClassInTheApplicationsPackageIsNotTheSite() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.proxyIn("com.example.app", WALK_INSIDE_JDK)));

        assertTrue(indexOfPrefix(frames, "com.example.app.$Proxy") < indexOf(frames, "com.example.app.Handler"));
        assertEquals("com.example.app.Handler", siteClass(List.of(), frames));
    }

    @Test
    void aLambdaClassIsNotTheSite() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.caller("com.example.app.Handler$$Lambda$7", WALK_INSIDE_JDK)));

        assertTrue(indexOf(frames, "com.example.app.Handler$$Lambda$7") < indexOf(frames, "com.example.app.Handler"));
        assertEquals("com.example.app.Handler", siteClass(List.of(), frames));
    }

    @Test
    void siteSkipPrefixesAreNotTheSite() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.caller("org.framework.data.Template",
                        ApplicationClasses.caller("com.example.dao.Repository", WALK_INSIDE_JDK))));

        assertEquals("com.example.app.Handler", siteClass(List.of("org.framework.data", "com.example.dao."), frames));
    }

    @Test
    void aSiteSkipPrefixSkipsWholePackagesOnly() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.daoclient.Handler",
                ApplicationClasses.caller("com.example.dao.Repository", WALK_INSIDE_JDK)));

        assertEquals("com.example.daoclient.Handler", siteClass(List.of("com.example.dao"), frames));
    }

    @Test
    void whenEveryFrameOutsideTheJdkIsSkippedTheSiteIsTheFirstOfThem() {
        List<StackWalker.StackFrame> walked = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.caller("org.framework.data.Template",
                        ApplicationClasses.caller("com.example.dao.Repository", WALK_INSIDE_JDK))));
        List<StackWalker.StackFrame> cutAtTheTemplate =
                walked.subList(0, indexOf(walked, "org.framework.data.Template") + 1);

        assertEquals("com.example.dao.Repository",
                siteClass(List.of("com.example", "org.framework"), cutAtTheTemplate));
    }

    @Test
    void whenEveryFrameIsGlueTheSiteIsTheFirstFrameOutsideTheJdk() {
        List<StackWalker.StackFrame> walked = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.proxyIn("com.example.app", WALK_INSIDE_JDK)));
        List<StackWalker.StackFrame> cutAboveTheHandler =
                walked.subList(0, indexOf(walked, "com.example.app.Handler"));

        assertTrue(siteClass(List.of(), cutAboveTheHandler).startsWith("com.example.app.$Proxy"));
    }

    @Test
    void whenEveryFrameIsTheJdkTheSiteIsTheInstrumentedMethod() {
        List<StackWalker.StackFrame> jdkFrames = walk(WALK_THROUGH_REFLECTION).stream()
                .filter(frame -> SiteLocator.isJdk(frame.getClassName()))
                .collect(Collectors.toList());

        assertTrue(jdkFrames.size() > 2, "reflection leaves several JDK frames: " + jdkFrames);
        assertEquals(0, new SiteLocator(List.of()).siteIndex(CapturedStack.walked(jdkFrames), 0));
    }

    @Test
    void theRedisClientThatWasCalledIsNotTheSite() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.caller("redis.clients.jedis.Jedis", WALK_INSIDE_JDK)));

        assertEquals("com.example.app.Handler", siteClass(List.of(), frames));
    }

    @Test
    void theJdbcDriverAndPoolThatWereCalledAreNotTheSite() {
        List<StackWalker.StackFrame> frames = walk(ApplicationClasses.caller("com.example.app.Handler",
                ApplicationClasses.caller("com.zaxxer.hikari.pool.HikariProxyPreparedStatement",
                        ApplicationClasses.caller("org.postgresql.jdbc.PgPreparedStatement", WALK_INSIDE_JDK))));

        assertEquals("com.example.app.Handler", siteClass(List.of(), frames));
    }

    @Test
    void jdkPackagesAreRecognisedByTheirWholeFirstNames() {
        for (String jdk : List.of("java.io.FileInputStream", "javax.net.ssl.SSLSocket", "jdk.internal.misc.Unsafe",
                "jdk.proxy2.$Proxy9", "sun.nio.ch.FileChannelImpl", "com.sun.net.httpserver.HttpServer")) {
            assertTrue(SiteLocator.isJdk(jdk), jdk);
        }
        for (String application : List.of("javaapp.Main", "jdkfun.Tool", "sunrise.Server", "com.sunrise.Handler",
                "com.example.java.Handler")) {
            assertFalse(SiteLocator.isJdk(application), application);
        }
    }
}
