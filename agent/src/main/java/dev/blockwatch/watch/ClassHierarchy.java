package dev.blockwatch.watch;

/**
 * Looks for frameworks' types by name, so that blockwatch needs none of them on its class
 * path and works whichever class loader loaded them.
 */
final class ClassHierarchy {
    private ClassHierarchy() {
    }

    /** Whether the class, one of its superclasses or one of their interfaces has this name. */
    static boolean isA(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name) || hasInterface(c, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasInterface(Class<?> type, String name) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (implemented.getName().equals(name) || hasInterface(implemented, name)) {
                return true;
            }
        }
        return false;
    }
}
