package dev.blockwatch.it.apps;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * An application whose SLF4J lives only in a class loader it creates (as a plugin host or an
 * application server does): its class path has no SLF4J; the loader holds slf4j-api and
 * slf4j-simple (the jars given as arguments) and its own copy of the service classes, and the
 * service loaded there makes the slow call.
 */
public final class IsolatedSlf4jApp {
    private IsolatedSlf4jApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("slf4jOnClassPath=" + isVisible("org.slf4j.LoggerFactory", IsolatedSlf4jApp.class.getClassLoader()));
        URL[] urls = {
            IsolatedSlf4jApp.class.getProtectionDomain().getCodeSource().getLocation(),
            Path.of(args[0]).toUri().toURL(),
            Path.of(args[1]).toUri().toURL(),
        };
        // The platform loader as parent: the service classes are loaded here, not by the application's loader.
        try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Class<?> serviceType = isolated.loadClass("dev.blockwatch.it.apps.IsolatedSlf4jService");
            System.out.println("serviceLoadedInIsolatedLoader=" + (serviceType.getClassLoader() == isolated));
            ((Runnable) serviceType.getDeclaredConstructor().newInstance()).run();
        }
    }

    private static boolean isVisible(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
