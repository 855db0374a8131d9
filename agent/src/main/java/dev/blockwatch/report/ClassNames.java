package dev.blockwatch.report;

import java.util.List;

/** Matches class names against package and type names, whole names only. */
final class ClassNames {
    private ClassNames() {
    }

    /**
     * Whether the class is the named type, nested in it, or in the named package or below:
     * {@code com.example.dao} covers {@code com.example.dao.Store} but not
     * {@code com.example.daoclient.Handler}.
     */
    static boolean isIn(String packageOrType, String className) {
        if (!className.startsWith(packageOrType)) {
            return false;
        }
        if (className.length() == packageOrType.length() || packageOrType.endsWith(".")) {
            return true;
        }
        char next = className.charAt(packageOrType.length());
        return next == '.' || next == '$';
    }

    static boolean isInAny(List<String> packagesOrTypes, String className) {
        for (String packageOrType : packagesOrTypes) {
            if (isIn(packageOrType, className)) {
                return true;
            }
        }
        return false;
    }
}
