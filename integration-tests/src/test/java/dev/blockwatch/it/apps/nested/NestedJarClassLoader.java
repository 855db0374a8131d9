package dev.blockwatch.it.apps.nested;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * Loads classes from a jar nested inside another jar, the way Spring Boot's launcher does:
 * the nested jar is read into memory, its classes are defined here (child first), and its
 * resources are served through URLs of a scheme of its own. No class it defines is on the
 * application class path.
 */
public final class NestedJarClassLoader extends ClassLoader {
    private static final String SCHEME = "nested";

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> entries = new HashMap<>();
    private final URLStreamHandler handler = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            byte[] bytes = entries.get(url.getPath().substring(1));
            if (bytes == null) {
                throw new IOException("no entry " + url);
            }
            return new URLConnection(url) {
                @Override
                public void connect() {
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }
            };
        }
    };

    public NestedJarClassLoader(Path outerJar, String nestedEntry, ClassLoader parent) throws IOException {
        super("nested-jar", parent);
        try (JarFile outer = new JarFile(outerJar.toFile())) {
            JarEntry nested = outer.getJarEntry(nestedEntry);
            if (nested == null) {
                throw new IOException(outerJar + " has no " + nestedEntry);
            }
            try (JarInputStream jar = new JarInputStream(outer.getInputStream(nested))) {
                JarEntry entry;
                while ((entry = jar.getNextJarEntry()) != null) {
                    if (!entry.isDirectory()) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        jar.transferTo(bytes);
                        entries.put(entry.getName(), bytes.toByteArray());
                    }
                }
            }
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && entries.containsKey(name.replace('.', '/') + ".class")) {
                loaded = findClass(name);
            }
            if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = entries.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected URL findResource(String name) {
        if (!entries.containsKey(name)) {
            return null;
        }
        try {
            return new URL(SCHEME, null, -1, "/" + name, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Child first for resources too, as for classes: the nested jar's own copy wins. */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }
}
