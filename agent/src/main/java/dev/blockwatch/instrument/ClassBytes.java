package dev.blockwatch.instrument;

/** A look into a class file's bytes before anything parses them. */
final class ClassBytes {
    private ClassBytes() {
    }

    /** Whether the bytes hold {@code part} anywhere: names in the constant pool are stored as they read. */
    static boolean contain(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
