package dev.blockwatch.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from the start of {@code java -jar blockwatch-agent.jar attach <pid>} to its return, which
 * it does once the instrumentation is active in the target, for each pair of command JDK and
 * target JDK. Each round attaches to a fresh idle server JVM and detaches again.
 *
 * <p>Arguments: the agent jar, the rounds, then the JDK homes ({@code java} in each).
 */
public final class AttachTime {
    private static final long LIMIT_MILLIS = 1500;

    private AttachTime() {
    }

    public static void main(String[] args) throws Exception {
        String agentJar = args[0];
        int rounds = Integer.parseInt(args[1]);
        List<String> jdks = List.of(args).subList(2, args.length);
        String classPath = Path.of(AttachTime.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        boolean allMet = true;
        System.out.printf(Locale.ROOT, "%-40s %-40s %10s %10s %10s  %s%n", "command JDK", "target JDK", "median ms",
                "min ms", "max ms", "target ≤ " + LIMIT_MILLIS + " ms");
        for (String commandJdk : jdks) {
            for (String targetJdk : jdks) {
                List<Long> millis = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    millis.add(attachOnce(agentJar, classPath, commandJdk, targetJdk));
                }
                millis.sort(null);
                long median = millis.get(millis.size() / 2);
                boolean met = median <= LIMIT_MILLIS;
                allMet &= met;
                System.out.printf(Locale.ROOT, "%-40s %-40s %10d %10d %10d  %s%n", commandJdk, targetJdk, median,
                        millis.get(0), millis.get(millis.size() - 1), met ? "met" : "missed");
            }
        }
        System.exit(allMet ? 0 : 1);
    }

    private static long attachOnce(String agentJar, String classPath, String commandJdk, String targetJdk)
            throws IOException, InterruptedException {
        Process target = new ProcessBuilder(java(targetJdk), "-cp", classPath, IdleServerLoop.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
            if (!"ready".equals(lines.readLine())) {
                throw new IllegalStateException("the target JVM did not start");
            }
            String pid = Long.toString(target.pid());
            long start = System.nanoTime();
            run(java(commandJdk), "-jar", agentJar, "attach", pid, "log=false,summary=off");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            run(java(commandJdk), "-jar", agentJar, "detach", pid);
            return millis;
        } finally {
            target.destroyForcibly().waitFor();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
        }
    }

    private static String java(String jdkHome) {
        return Path.of(jdkHome, "bin", "java").toString();
    }
}
