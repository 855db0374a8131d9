package dev.blockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blockwatch.it.apps.AllowScenarios;
import dev.blockwatch.it.apps.Fifo;
import dev.blockwatch.it.apps.LocalPeer;
import dev.blockwatch.it.apps.PacedReadsApp;
import dev.blockwatch.it.apps.SiteSkipScenarios;
import dev.blockwatch.it.apps.SlowReadScenarios;
import dev.blockwatch.it.apps.TrustedReader;
import dev.blockwatch.it.apps.WorkerThreadsApp;
import dev.blockwatch.it.apps.dao.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each option changes what the agent reports: categories, allow, site-skip, stack-depth, detail,
 * log, repeat, summary, a thread-names regex holding a comma among other agent arguments, and the
 * four sources of an option in their order of precedence. Every child JVM is given the options of
 * the tests that share it; the slow calls are FIFO or socket reads answering after 150 ms at
 * threshold 50 ms, or reads of /dev/zero at threshold 0 where exact counts matter.
 */
class OptionsEffectTest {
    private static final String LOOP = "selector-loop";
    private static final String FILE_READ = "java.io.FileInputStream.read";
    private static final String DAO_PACKAGE = FileStore.class.getPackageName();
    private static final String ALLOW_RULES =
            AllowScenarios.class.getName() + "#readWhileAllowed+" + TrustedReader.class.getName();
    /** Its comma must stay in the regex, although agent arguments are separated by commas. */
    private static final String WORKER_NAMES = "worker-\\d{1,3}";
    private static final String MATCHING_WORKER = "worker-7";
    private static final String OTHER_WORKER = "worker-1000";
    private static final String CONFIG_FILE = "blockwatch.properties";
    // One threshold per source, each different, so that the effective one names its source.
    private static final String THRESHOLD_IN_CONFIG_FILE = "1s";
    private static final String THRESHOLD_IN_ENVIRONMENT = "50ms";
    private static final String THRESHOLD_IN_SYSTEM_PROPERTY = "2s";
    private static final String THRESHOLD_IN_AGENT_ARGUMENT = "100ms";

    @TempDir
    static Path workDir;

    /** The child JVMs, each with the options its tests are about. */
    private enum Child {
        SOCKET_ONLY(SlowReadScenarios.class,
                child -> child.agent("threshold=50ms,categories=socket,log=false,json=" + child.reportFile())),
        FILE_ONLY(SlowReadScenarios.class, child -> child.agent(
                "threshold=50ms,categories=file,detail=none,stack-depth=3,summary=off,json=" + child.reportFile())),
        DEFAULTS(SiteSkipScenarios.class, child -> child.agent("threshold=50ms,json=" + child.reportFile())),
        SITE_SKIP(SiteSkipScenarios.class,
                child -> child.agent("threshold=50ms,site-skip=" + DAO_PACKAGE + ",json=" + child.reportFile())),
        ALLOW(AllowScenarios.class,
                child -> child.agent("threshold=50ms,allow=" + ALLOW_RULES + ",json=" + child.reportFile())),
        WORKERS(WorkerThreadsApp.class, child -> child.agent(
                "threshold=0,thread-names=" + WORKER_NAMES + ",repeat=0,json=" + child.reportFile())),
        PERIODIC_SUMMARY(PacedReadsApp.class,
                child -> child.agent("threshold=50ms,summary=1s,json=" + child.reportFile())),
        // Each source of the threshold is added on top of the ones below it in precedence.
        THRESHOLD_FROM_CONFIG_FILE(SlowReadScenarios.class, child -> withConfigFile(child, "")),
        THRESHOLD_FROM_ENVIRONMENT(SlowReadScenarios.class, child -> withConfigFile(child, "")
                .environment("BLOCKWATCH_THRESHOLD", THRESHOLD_IN_ENVIRONMENT)),
        THRESHOLD_FROM_SYSTEM_PROPERTY(SlowReadScenarios.class, child -> withConfigFile(child, "")
                .environment("BLOCKWATCH_THRESHOLD", THRESHOLD_IN_ENVIRONMENT)
                .jvmFlag("-Dblockwatch.threshold=" + THRESHOLD_IN_SYSTEM_PROPERTY)),
        THRESHOLD_FROM_AGENT_ARGUMENT(SlowReadScenarios.class,
                child -> withConfigFile(child, "threshold=" + THRESHOLD_IN_AGENT_ARGUMENT + ",")
                        .environment("BLOCKWATCH_THRESHOLD", THRESHOLD_IN_ENVIRONMENT)
                        .jvmFlag("-Dblockwatch.threshold=" + THRESHOLD_IN_SYSTEM_PROPERTY));

        private final Class<?> app;
        private final UnaryOperator<ChildJvm> setup;

        Child(Class<?> app, UnaryOperator<ChildJvm> setup) {
            this.app = app;
            this.setup = setup;
        }

        ChildJvm.Result run(Jdk jdk) {
            return setup.apply(ChildJvm.on(jdk, workDir)).run(app).assertExitedNormally();
        }
    }

    /** Where the effective threshold comes from, and what it is. */
    enum ThresholdSource {
        CONFIG_FILE(Child.THRESHOLD_FROM_CONFIG_FILE, THRESHOLD_IN_CONFIG_FILE, 1000),
        ENVIRONMENT(Child.THRESHOLD_FROM_ENVIRONMENT, THRESHOLD_IN_ENVIRONMENT, 50),
        SYSTEM_PROPERTY(Child.THRESHOLD_FROM_SYSTEM_PROPERTY, THRESHOLD_IN_SYSTEM_PROPERTY, 2000),
        AGENT_ARGUMENT(Child.THRESHOLD_FROM_AGENT_ARGUMENT, THRESHOLD_IN_AGENT_ARGUMENT, 100);

        private final Child child;
        private final String threshold;
        private final double thresholdMs;

        ThresholdSource(Child child, String threshold, double thresholdMs) {
            this.child = child;
            this.threshold = threshold;
            this.thresholdMs = thresholdMs;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** Each child once per JDK, shared by the tests of its options. */
    private static final Map<Child, OncePerJdk<ChildJvm.Result>> RUNS = new EnumMap<>(Child.class);

    static Stream<Arguments> thresholdSources() {
        return Jdk.all().stream()
                .flatMap(jdk -> Stream.of(ThresholdSource.values()).map(source -> Arguments.of(jdk, source)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void categoriesSocketReportsTheSlowSocketReadButNotTheSlowFileRead(Jdk jdk) {
        ChildJvm.Result child = run(Child.SOCKET_ONLY, jdk);
        assertSlowReadsWereMade(child);
        Report report = child.report();
        assertEquals("socket", option(report, "categories"), "options.categories");
        assertEquals(List.of(), callsOfCategory(report, "file"), "file records with categories=socket");
        ReportRecord read = report.onlyFinalCallAt(SlowReadScenarios.class, "readFromPeer");
        new ExpectedCall("socket", "java.net.Socket.read", child.fact("readFromPeer.peer"), LOOP,
                Long.parseLong(child.fact("readFromPeer.threadId")), SlowReadScenarios.class, "readFromPeer",
                100, 1000, 50).assertMatches(read, child);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void categoriesFileReportsTheSlowFileReadButNotTheSlowSocketRead(Jdk jdk) {
        ChildJvm.Result child = run(Child.FILE_ONLY, jdk);
        assertSlowReadsWereMade(child);
        Report report = child.report();
        assertEquals("file", option(report, "categories"), "options.categories");
        assertEquals(List.of(), callsOfCategory(report, "socket"), "socket records with categories=file");
        ReportRecord read = report.onlyFinalCallAt(SlowReadScenarios.class, "readFifo");
        assertEquals("file", read.string("category"), "category in " + read);
        assertEquals(FILE_READ, read.string("operation"), "operation in " + read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void logFalseWritesNothingToStderrWhileJsonGetsTheRecord(Jdk jdk) {
        ChildJvm.Result child = run(Child.SOCKET_ONLY, jdk);
        Report report = child.report();
        assertEquals("false", option(report, "log"), "options.log");
        assertEquals(1, report.finalCallsAt(SlowReadScenarios.class, "readFromPeer").size(),
                "final records of the slow socket read in the JSON report:\n" + report);
        List<String> agentLines = child.stderrLines().stream().filter(line -> line.startsWith("blockwatch:")).toList();
        assertEquals(List.of(), agentLines, "stderr lines from the agent with log=false\n" + child.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void stackDepthThreeKeepsThreeFramesFromTheInstrumentedMethod(Jdk jdk) {
        ChildJvm.Result child = run(Child.FILE_ONLY, jdk);
        Report report = child.report();
        assertEquals("3", option(report, "stack-depth"), "options.stack-depth");
        ReportRecord read = report.onlyFinalCallAt(SlowReadScenarios.class, "readFifo");
        // Without the option the read's stack also holds the loop's frames below readFifo.
        assertEquals(read.string("site"), read.strings("stack").get(1), "the second frame, the site, in " + read);
        for (ReportRecord call : report.blockingCalls()) {
            List<String> stack = call.strings("stack");
            assertEquals(3, stack.size(), "frames in the stack of " + call);
            // an in-progress record shows the blocked thread's stack, which starts deeper, where it waits
            if (!call.bool("inProgress")) {
                assertTrue(Frame.isMethod(stack.get(0), call.string("operation")),
                        "the first frame should be the instrumented " + call.string("operation") + " in " + call);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void detailNoneLeavesDetailNull(Jdk jdk) {
        ChildJvm.Result child = run(Child.FILE_ONLY, jdk);
        Report report = child.report();
        assertEquals("none", option(report, "detail"), "options.detail");
        ReportRecord read = report.onlyFinalCallAt(SlowReadScenarios.class, "readFifo");
        assertNull(read.nullableString("detail"), "detail of the FIFO read " + child.fact("readFifo.path")
                + " with detail=none in " + read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void detailByDefaultIsThePath(Jdk jdk) {
        ChildJvm.Result child = run(Child.DEFAULTS, jdk);
        Report report = child.report();
        assertEquals("redacted", option(report, "detail"), "options.detail");
        ReportRecord read = report.onlyFinalCallAt(FileStore.class, "readRecord");
        assertEquals(child.fact("loadThroughStore.path"), read.nullableString("detail"), "detail in " + read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void summaryOffWritesNoSummary(Jdk jdk) {
        ChildJvm.Result child = run(Child.FILE_ONLY, jdk);
        assertEquals("off", option(child.report(), "summary"), "options.summary");
        List<ReportRecord> records = records(child);
        assertEquals("blocking-call", records.get(records.size() - 1).event(),
                "the last record, the FIFO read's, with summary=off:\n" + child.report());
        assertEquals(List.of(), records.stream().filter(r -> r.event().equals("summary")).toList(),
                "summary records with summary=off");
        assertTrue(child.stderrLines().stream().noneMatch(line -> line.startsWith("blockwatch: summary")),
                "a summary on stderr (the log is on) with summary=off\n" + child.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void withoutSiteSkipTheSiteIsTheDataAccessFrame(Jdk jdk) {
        ChildJvm.Result child = run(Child.DEFAULTS, jdk);
        assertEquals("5", child.fact("loadThroughStore.value"), "bytes read through the store");
        Report report = child.report();
        assertEquals("", option(report, "site-skip"), "options.site-skip");
        report.onlyFinalCallAt(FileStore.class, "readRecord");
        assertEquals(List.of(), report.blockingCalls().stream()
                        .filter(r -> r.siteIs(SiteSkipScenarios.class, "loadThroughStore")).toList(),
                "records with the store's caller as site, without site-skip");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void siteSkipMakesTheCallerOutsideThePackageTheSite(Jdk jdk) {
        ChildJvm.Result child = run(Child.SITE_SKIP, jdk);
        assertEquals("5", child.fact("loadThroughStore.value"), "bytes read through the store");
        Report report = child.report();
        assertEquals(DAO_PACKAGE, option(report, "site-skip"), "options.site-skip");
        ReportRecord read = report.onlyFinalCallAt(SiteSkipScenarios.class, "loadThroughStore");
        assertTrue(hasFrame(read, FileStore.class, "readRecord") && hasFrame(read, FileStore.class, "load"),
                "the skipped frames should stay in the stack of " + read);
        assertEquals(List.of(), report.blockingCalls().stream()
                        .filter(r -> r.siteIs(FileStore.class, "readRecord") || r.siteIs(FileStore.class, "load"))
                        .toList(),
                "records with a site in the skipped package " + DAO_PACKAGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void allowedMethodsCallsAreNeitherReportedNorCounted(Jdk jdk) {
        ChildJvm.Result child = run(Child.ALLOW, jdk);
        assertAllowScenariosRan(child);
        Report report = child.report();
        assertEquals(ALLOW_RULES, option(report, "allow"), "options.allow");
        assertEquals(List.of(), report.blockingCalls().stream()
                        .filter(r -> hasFrame(r, AllowScenarios.class, "readWhileAllowed")).toList(),
                "records of the reads made directly or deeper inside the allowed method");
        assertEquals(List.of(), summarySites(report).stream()
                        .filter(site -> site.siteIs(AllowScenarios.class, "readWhileAllowed")).toList(),
                "summary entries at the allowed method");
        assertSummaryCountsOnlyReportedCalls(report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void allowedTypesCallsAreNeitherReportedNorCounted(Jdk jdk) {
        ChildJvm.Result child = run(Child.ALLOW, jdk);
        assertAllowScenariosRan(child);
        Report report = child.report();
        assertEquals(List.of(), report.blockingCalls().stream()
                        .filter(r -> hasFrame(r, TrustedReader.class, "read")
                                || hasFrame(r, TrustedReader.class, "readThroughHelper"))
                        .toList(),
                "records of the reads made directly or deeper inside the allowed type");
        assertEquals(List.of(), summarySites(report).stream()
                        .filter(site -> site.siteIs(TrustedReader.class, "read")).toList(),
                "summary entries in the allowed type");
        assertSummaryCountsOnlyReportedCalls(report);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void sameReadOutsideTheAllowedMethodAndTypeIsReportedAndCounted(Jdk jdk) {
        ChildJvm.Result child = run(Child.ALLOW, jdk);
        assertAllowScenariosRan(child);
        Report report = child.report();
        List<ReportRecord> fromElsewhere = report.finalCallsAt(AllowScenarios.class, "readFifo").stream()
                .filter(r -> hasFrame(r, AllowScenarios.class, "readElsewhere"))
                .toList();
        assertEquals(1, fromElsewhere.size(), "final records of the read made from readElsewhere:\n" + report);
        ReportRecord read = fromElsewhere.get(0);
        assertEquals(FILE_READ, read.string("operation"), "operation in " + read);
        assertEquals(LOOP, read.string("thread"), "thread in " + read);
        long counted = summarySites(report).stream()
                .filter(site -> site.siteIs(AllowScenarios.class, "readFifo"))
                .mapToLong(site -> site.integer("count"))
                .sum();
        assertTrue(counted >= 1, "the summary should count the read at readFifo:\n" + report.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void threadNamesRegexWithACommaAmongOtherAgentArgumentsWatchesMatchingThreads(Jdk jdk) {
        ChildJvm.Result child = run(Child.WORKERS, jdk);
        assertEquals(MATCHING_WORKER, child.fact("matchingWorker.thread"));
        assertEquals(String.valueOf(WorkerThreadsApp.READS), child.fact("matchingWorker.value"), "zeros read");
        assertEquals(OTHER_WORKER, child.fact("otherWorker.thread"));
        assertEquals(String.valueOf(WorkerThreadsApp.READS), child.fact("otherWorker.value"), "zeros read");
        Report report = child.report();
        assertEquals(WORKER_NAMES, option(report, "thread-names"), "options.thread-names");
        assertEquals("0s", option(report, "repeat"), "options.repeat, given after thread-names");
        List<ReportRecord> matching = report.finalCallsOn(MATCHING_WORKER).stream()
                .filter(r -> r.siteIs(WorkerThreadsApp.class, "readZeroThrice"))
                .toList();
        assertEquals(WorkerThreadsApp.READS, matching.size(),
                "final records of the reads on " + MATCHING_WORKER + ":\n" + report);
        assertEquals(List.of(), report.blockingCalls().stream()
                        .filter(r -> r.string("thread").equals(OTHER_WORKER)).toList(),
                "records on " + OTHER_WORKER + ", whose whole name does not match " + WORKER_NAMES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void repeatZeroLogsTheStackOfEveryCallFromOneSite(Jdk jdk) {
        ChildJvm.Result child = run(Child.WORKERS, jdk);
        assertEquals("0s", option(child.report(), "repeat"), "options.repeat");
        String site = Frame.pattern(WorkerThreadsApp.class, "readZeroThrice");
        Pattern header = Pattern.compile("blockwatch: \\d+(\\.\\d+)? ms file "
                + Pattern.quote(FILE_READ + " /dev/zero on " + MATCHING_WORKER + " at ") + site);
        List<String> lines = child.stderrLines();
        int headers = 0;
        int stacksWithTheSite = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!header.matcher(lines.get(i)).matches()) {
                continue;
            }
            headers++;
            boolean siteInStack = lines.subList(i + 1, lines.size()).stream()
                    .takeWhile(line -> line.startsWith("\tat "))
                    .anyMatch(line -> line.substring("\tat ".length()).matches(site));
            if (siteInStack) {
                stacksWithTheSite++;
            }
        }
        assertEquals(WorkerThreadsApp.READS, headers, "log lines of the reads from one site\n" + child.describe());
        assertEquals(WorkerThreadsApp.READS, stacksWithTheSite,
                "log lines of those reads followed by their stack, with repeat=0\n" + child.describe());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.blockwatch.it.Jdk#all")
    void periodicSummaryCountsWhatWasReportedSoFar(Jdk jdk) {
        ChildJvm.Result child = run(Child.PERIODIC_SUMMARY, jdk);
        assertEquals(String.valueOf(PacedReadsApp.READS * Fifo.ANSWER.length), child.fact("bytesRead"));
        assertEquals("1s", option(child.report(), "summary"), "options.summary");
        List<ReportRecord> records = records(child);
        List<ReportRecord> summaries = records.stream().filter(r -> r.event().equals("summary")).toList();
        assertTrue(summaries.size() >= 2, "summary records of a 2.5 s run with summary=1s: periodic ones and the"
                + " final one\n" + child.report());
        ReportRecord last = records.get(records.size() - 1);
        assertEquals("summary", last.event(), "the last record, the final summary:\n" + child.report());
        assertEquals(PacedReadsApp.READS, countAt(last, PacedReadsApp.class, "readFifo"),
                "calls the final summary counts at readFifo in " + last);
        int reportedSoFar = 0;
        for (ReportRecord record : records) {
            if (record.isFinalCall() && record.siteIs(PacedReadsApp.class, "readFifo")) {
                reportedSoFar++;
            } else if (record.event().equals("summary")) {
                long counted = countAt(record, PacedReadsApp.class, "readFifo");
                // A call is counted a moment before it is queued, so the call being queued may be counted too.
                assertTrue(counted >= reportedSoFar && counted <= reportedSoFar + 1, "a summary after "
                        + reportedSoFar + " final records at readFifo counts " + counted + ":\n" + child.report());
            }
        }
        assertTrue(summaries.stream().anyMatch(s -> countAt(s, PacedReadsApp.class, "readFifo") < PacedReadsApp.READS),
                "no summary was written while reads were still to come:\n" + child.report());
    }

    @ParameterizedTest(name = "{0}, threshold from the {1}")
    @MethodSource("thresholdSources")
    void thresholdFromTheSourceOfHighestPrecedenceDecides(Jdk jdk, ThresholdSource source) {
        ChildJvm.Result child = run(source.child, jdk);
        assertSlowReadsWereMade(child);
        Report report = child.report();
        assertEquals(source.threshold, option(report, "threshold"),
                "effective threshold, given in the " + source + " and every source of lower precedence");
        assertEquals(child.directory().resolve(CONFIG_FILE).toString(), option(report, "config"), "options.config");
        if (source.thresholdMs < SlowReadScenarios.ANSWER_DELAY.toMillis()) {
            for (String read : List.of("readFifo", "readFromPeer")) {
                ReportRecord call = report.onlyFinalCallAt(SlowReadScenarios.class, read);
                assertEquals(source.thresholdMs, call.number("thresholdMs"), 1e-9, "thresholdMs in " + call);
            }
        } else {
            assertEquals(List.of(), report.blockingCalls(),
                    "records of 150 ms reads at threshold " + source.threshold);
        }
    }

    private static ChildJvm.Result run(Child child, Jdk jdk) {
        OncePerJdk<ChildJvm.Result> runs;
        synchronized (RUNS) {
            runs = RUNS.computeIfAbsent(child, c -> new OncePerJdk<>("child " + c, c::run));
        }
        return runs.get(jdk);
    }

    /** Writes the threshold into the child's config file, named by agent argument after the options given. */
    private static ChildJvm withConfigFile(ChildJvm child, String agentOptions) {
        Path configFile = child.reportFile().resolveSibling(CONFIG_FILE);
        try {
            Files.writeString(configFile, "threshold=" + THRESHOLD_IN_CONFIG_FILE + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return child.agent(agentOptions + "config=" + configFile + ",json=" + child.reportFile());
    }

    /** Both slow reads of {@link SlowReadScenarios} were made on the loop: an unreported one was really made. */
    private static void assertSlowReadsWereMade(ChildJvm.Result child) {
        assertEquals(LOOP, child.fact("readFifo.thread"));
        assertEquals(String.valueOf(Fifo.ANSWER.length), child.fact("readFifo.value"), "bytes read from the FIFO");
        assertEquals(LOOP, child.fact("readFromPeer.thread"));
        assertEquals(String.valueOf(LocalPeer.ANSWER), child.fact("readFromPeer.value"), "byte read from the peer");
    }

    private static void assertAllowScenariosRan(ChildJvm.Result child) {
        int answer = Fifo.ANSWER.length;
        assertEquals(String.valueOf(2 * answer), child.fact("readWhileAllowed.value"), "bytes read");
        assertEquals(String.valueOf(answer), child.fact("readElsewhere.value"), "bytes read");
        assertEquals(String.valueOf(answer), child.fact("trustedRead.value"), "bytes read");
        assertEquals(String.valueOf(answer), child.fact("trustedReadThroughHelper.value"), "bytes read");
        for (String scenario
                : List.of("readWhileAllowed", "readElsewhere", "trustedRead", "trustedReadThroughHelper")) {
            assertEquals(LOOP, child.fact(scenario + ".thread"), "thread of " + scenario);
        }
    }

    /** The final summary counts exactly the calls that have a final record, site by site: nothing allowed. */
    private static void assertSummaryCountsOnlyReportedCalls(Report report) {
        Map<String, Long> reported = report.finalCalls().stream()
                .collect(Collectors.groupingBy(r -> r.string("site"), Collectors.counting()));
        Map<String, Long> counted = summarySites(report).stream()
                .collect(Collectors.toMap(site -> site.string("site"), site -> site.integer("count"), Long::sum));
        assertEquals(reported, counted, "calls the summary counts per site, against the final records per site:\n"
                + report);
    }

    private static String option(Report report, String key) {
        return report.agentStart().object("options").string(key);
    }

    private static List<ReportRecord> callsOfCategory(Report report, String category) {
        return report.blockingCalls().stream().filter(r -> r.string("category").equals(category)).toList();
    }

    private static boolean hasFrame(ReportRecord call, Class<?> type, String method) {
        return call.strings("stack").stream().anyMatch(frame -> Frame.is(frame, type, method));
    }

    private static List<ReportRecord> summarySites(Report report) {
        return report.summary().objects("sites");
    }

    /** What a summary record counts at the site {@code type.method}, 0 when it has no entry there. */
    private static long countAt(ReportRecord summary, Class<?> type, String method) {
        return summary.objects("sites").stream()
                .filter(site -> site.siteIs(type, method))
                .mapToLong(site -> site.integer("count"))
                .sum();
    }

    /** Every record of the child's report in file order, summaries included. */
    private static List<ReportRecord> records(ChildJvm.Result child) {
        List<ReportRecord> records = new ArrayList<>();
        Report.stream(child.reportFile(), records::add);
        return records;
    }
}
