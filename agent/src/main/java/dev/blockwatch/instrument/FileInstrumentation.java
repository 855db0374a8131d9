package dev.blockwatch.instrument;

import static dev.blockwatch.instrument.DetailSource.argument;
import static dev.blockwatch.instrument.DetailSource.field;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.blockwatch.config.Category;
import java.io.InputStream;
import java.util.List;

/**
 * File I/O: the stream classes and FileChannel by their read/write methods (detail: the path
 * they were opened with), and every {@code java.nio.file.Files} method that touches the disk
 * (detail: its path argument).
 */
public final class FileInstrumentation implements CallFamily {
    @Override
    public Category category() {
        return Category.FILE;
    }

    @Override
    public List<TypeAdvice> types() {
        return List.of(
                TypeAdvice.of("java.io.FileInputStream")
                        .time(isPublic().and(namedOneOf("read", "readAllBytes", "readNBytes", "skip", "transferTo")),
                                field("path")),
                TypeAdvice.of("java.io.FileOutputStream")
                        .time(isPublic().and(named("write")), field("path")),
                TypeAdvice.of("java.io.RandomAccessFile")
                        .time(isPublic().and(nameStartsWith("read").or(nameStartsWith("write"))), field("path")),
                TypeAdvice.of("sun.nio.ch.FileChannelImpl", "java.nio.channels.FileChannel")
                        .time(isPublic().and(namedOneOf("read", "write", "force", "transferTo", "transferFrom")),
                                field("path")),
                TypeAdvice.of("java.nio.file.Files")
                        // getFileAttributeView does no I/O; copy(InputStream, Path, ...) names its file second
                        .time(isPublic().and(isStatic()).and(not(named("getFileAttributeView")))
                                .and(not(takesArgument(0, InputStream.class))), argument(0))
                        .time(isPublic().and(isStatic()).and(named("copy")).and(takesArgument(0, InputStream.class)),
                                argument(1)));
    }
}
