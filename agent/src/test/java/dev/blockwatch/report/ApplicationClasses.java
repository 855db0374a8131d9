package dev.blockwatch.report;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.TypeManifestation;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.MethodDelegation;

/**
 * Classes made at run time in packages that are not blockwatch's. Every test class lives in
 * {@code dev.blockwatch.report}, which the site rule skips as blockwatch's own code, so a stack
 * walked from a test reaches an application, a library or a proxy only through these.
 */
final class ApplicationClasses {
    private ApplicationClasses() {
    }

    /** A new object of a class named {@code className} whose {@code get()} returns {@code next.get()}. */
    static Supplier<Object> caller(String className, Supplier<Object> next) {
        Class<?> type = new ByteBuddy()
                .subclass(Object.class)
                .name(className)
                .implement(Supplier.class)
                .method(named("get"))
                .intercept(MethodDelegation.to(next, Supplier.class))
                .make()
                .load(ApplicationClasses.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        return instance(type);
    }

    /**
     * A dynamic proxy of a package-private interface of {@code packageName}: the JDK defines such a
     * proxy class in that package, as {@code <packageName>.$ProxyN}. Its {@code get()} returns
     * {@code next.get()}.
     */
    static Supplier<Object> proxyIn(String packageName, Supplier<Object> next) {
        Class<?> port = new ByteBuddy()
                .makeInterface(Supplier.class)
                .name(packageName + ".Port")
                .modifiers(Visibility.PACKAGE_PRIVATE, TypeManifestation.INTERFACE)
                .make()
                .load(ApplicationClasses.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
        return proxy(port.getClassLoader(), port, next);
    }

    /** A dynamic proxy of {@link Supplier} itself, which the JDK defines in a {@code jdk.proxyN} module. */
    static Supplier<Object> jdkProxy(Supplier<Object> next) {
        return proxy(ApplicationClasses.class.getClassLoader(), Supplier.class, next);
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Object> proxy(ClassLoader loader, Class<?> type, Supplier<Object> next) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            switch (method.getName()) {
                case "get":
                    return next.get();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == arguments[0];
                default:
                    return "proxy of " + type.getName();
            }
        };
        return (Supplier<Object>) Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Object> instance(Class<?> type) {
        try {
            return (Supplier<Object>) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }
}
