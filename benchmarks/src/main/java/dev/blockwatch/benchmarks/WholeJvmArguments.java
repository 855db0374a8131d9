package dev.blockwatch.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of the whole-JVM measurements ({@link StartupTime}, {@link AttachTime}, {@link ServerThroughput}):
 * {@code --agent JAR}, {@code --jvm JAVA} (repeatable; the {@code java} running this by default), {@code --rounds N},
 * and the numeric settings each measurement names with its defaults. Every flag takes one value.
 */
final class WholeJvmArguments {
    private final Path agentJar;
    private final List<String> jvms;
    private final Map<String, Integer> numbers;

    private WholeJvmArguments(Path agentJar, List<String> jvms, Map<String, Integer> numbers) {
        this.agentJar = agentJar;
        this.jvms = jvms;
        this.numbers = numbers;
    }

    /**
     * @param numberDefaults the numeric flags this measurement takes (such as {@code --rounds}) and their defaults,
     *                       each a positive whole number
     * @throws IllegalArgumentException one line naming the bad argument
     */
    static WholeJvmArguments parse(String[] args, Map<String, Integer> numberDefaults) {
        Path agentJar = null;
        List<String> jvms = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>(numberDefaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[i + 1];
            if (name.equals("--agent")) {
                agentJar = Path.of(value).toAbsolutePath();
            } else if (name.equals("--jvm")) {
                jvms.add(value);
            } else if (numbers.containsKey(name)) {
                numbers.put(name, positive(name, value));
            } else {
                throw new IllegalArgumentException("unknown argument " + name);
            }
        }
        if (agentJar == null) {
            throw new IllegalArgumentException("--agent is required");
        }
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalArgumentException("no agent jar at " + agentJar
                    + " (build it: mvn -pl agent -am package -DskipTests)");
        }
        for (String jvm : jvms) {
            if (!Files.isExecutable(Path.of(jvm))) {
                throw new IllegalArgumentException("--jvm " + jvm + " is not an executable java");
            }
        }
        if (jvms.isEmpty()) {
            jvms.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        return new WholeJvmArguments(agentJar, List.copyOf(jvms), numbers);
    }

    Path agentJar() {
        return agentJar;
    }

    List<String> jvms() {
        return jvms;
    }

    /** @param name a flag given to {@link #parse} with its default, such as {@code --rounds} */
    int number(String name) {
        Integer value = numbers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no such setting " + name);
        }
        return value;
    }

    /** The jar or directory this class was loaded from: the class path of the JVMs the measurements start. */
    static String ownClassPath() {
        try {
            return Path.of(WholeJvmArguments.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the benchmarks jar is: " + e.getMessage());
        }
    }

    /** {@code java-17-openjdk-amd64} for {@code /usr/bin/java}, through its links: how the tables name a JDK. */
    static String jdkName(String jvm) {
        try {
            return Path.of(jvm).toRealPath().getParent().getParent().getFileName().toString();
        } catch (IOException e) {
            return jvm;
        }
    }

    /** A {@code --rounds}-like value: a whole number above zero, or one line saying what is wrong. */
    static int positive(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number <= 0) {
            throw new IllegalArgumentException(name + " needs a positive whole number, not " + value);
        }
        return number;
    }
}
