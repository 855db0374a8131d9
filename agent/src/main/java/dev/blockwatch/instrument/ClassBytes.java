package dev.blockwatch.instrument;

import java.nio.charset.StandardCharsets;

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

    /**
     * The bytes of a constant-pool entry holding exactly {@code text}: its tag, its length and the
     * text. Looking for these rather than the text alone skips the names the text is part of
     * ({@code await} for {@code wait}).
     */
    static byte[] utf8Entry(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[utf8.length + 3];
        entry[0] = 1; // CONSTANT_Utf8
        entry[1] = (byte) (utf8.length >>> 8);
        entry[2] = (byte) utf8.length;
        System.arraycopy(utf8, 0, entry, 3, utf8.length);
        return entry;
    }
}
