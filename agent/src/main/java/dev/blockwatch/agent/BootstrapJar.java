package dev.blockwatch.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * Puts the runtime that advice calls into the bootstrap class loader, where the JDK classes
 * that advice is inlined into can see it. The runtime travels inside the agent jar as a nested
 * jar ({@code blockwatch-bootstrap.jar}), so the agent's own class loader can never load a
 * second copy of it.
 *
 * <p>The classes are defined directly in the bootstrap loader through the JDK's internal
 * {@code Unsafe}, which the agent's {@link Instrumentation} may open to itself. Appending a jar
 * to the bootstrap class path instead would make JDK 17 print a warning and give up class-data
 * sharing for application classes on every start; it remains the fallback.
 */
final class BootstrapJar {
    private static final String RESOURCE = "/blockwatch-bootstrap.jar";
    private static final String RUNTIME = "dev.blockwatch.bootstrap.BlockwatchRuntime";
    private static final String INTERNAL_PACKAGE = "jdk.internal.misc";

    private BootstrapJar() {
    }

    static void appendTo(Instrumentation instrumentation) throws IOException {
        if (alreadyInBootstrapLoader()) {
            return;
        }
        Map<String, byte[]> classes = readClasses();
        try {
            defineInBootstrapLoader(instrumentation, classes);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (alreadyInBootstrapLoader()) {
                throw new IOException("the bootstrap runtime was only partly defined: " + e, e);
            }
            appendJarToBootstrapPath(instrumentation);
        }
        initialize(classes.keySet());
    }

    /**
     * Initialises the runtime's classes now, before any advice runs: a class initialised
     * lazily inside advice would run its initialiser in the middle of the instrumented call,
     * such as a read of the very jar the class loader is reading (seen on JDK 17: a jar read
     * with a moved file position, and a class that could not be loaded).
     */
    private static void initialize(Iterable<String> classNames) throws IOException {
        for (String name : classNames) {
            try {
                Class.forName(name, true, null);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IOException("cannot initialise " + name + ": " + e, e);
            }
        }
    }

    private static void defineInBootstrapLoader(Instrumentation instrumentation, Map<String, byte[]> classes)
            throws ReflectiveOperationException {
        Module javaBase = Object.class.getModule();
        Module agent = BootstrapJar.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(INTERNAL_PACKAGE, Set.of(agent)),
                Map.of(INTERNAL_PACKAGE, Set.of(agent)), Set.of(), Map.of());
        Class<?> unsafeType = Class.forName(INTERNAL_PACKAGE + ".Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        // a class's supertypes must be defined before it; retry what failed until nothing is left
        List<String> pending = new ArrayList<>(classes.keySet());
        while (!pending.isEmpty()) {
            List<String> failed = new ArrayList<>();
            ReflectiveOperationException lastFailure = null;
            for (String name : pending) {
                byte[] bytes = classes.get(name);
                try {
                    define.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
                } catch (ReflectiveOperationException e) {
                    failed.add(name);
                    lastFailure = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw lastFailure;
            }
            pending = failed;
        }
    }

    private static Map<String, byte[]> readClasses() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (InputStream resource = openResource(); JarInputStream jar = new JarInputStream(resource)) {
            JarEntry entry;
            while ((entry = jar.getNextJarEntry()) != null) {
                String path = entry.getName();
                if (path.endsWith(".class")) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    jar.transferTo(bytes);
                    classes.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'),
                            bytes.toByteArray());
                }
            }
        }
        return classes;
    }

    private static void appendJarToBootstrapPath(Instrumentation instrumentation) throws IOException {
        File jar = File.createTempFile("blockwatch-bootstrap-", ".jar");
        jar.deleteOnExit();
        try (InputStream in = openResource()) {
            Files.copy(in, jar.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }

    private static InputStream openResource() throws IOException {
        InputStream in = BootstrapJar.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException(RESOURCE + " is missing from the agent jar");
        }
        return in;
    }

    private static boolean alreadyInBootstrapLoader() {
        try {
            Class.forName(RUNTIME, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
