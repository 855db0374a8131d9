package dev.blockwatch.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.blockwatch.config.Category;
import dev.blockwatch.instrument.advice.FirstArgumentAdvice;
import dev.blockwatch.instrument.advice.PathFieldAdvice;
import dev.blockwatch.instrument.advice.SecondArgumentAdvice;
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
                        .advise(isPublic().and(namedOneOf("read", "readAllBytes", "readNBytes", "skip", "transferTo")),
                                PathFieldAdvice.class),
                TypeAdvice.of("java.io.FileOutputStream")
                        .advise(isPublic().and(named("write")), PathFieldAdvice.class),
                TypeAdvice.of("java.io.RandomAccessFile")
                        .advise(isPublic().and(nameStartsWith("read").or(nameStartsWith("write"))), PathFieldAdvice.class),
                TypeAdvice.of("sun.nio.ch.FileChannelImpl", "java.nio.channels.FileChannel")
                        .advise(isPublic().and(namedOneOf("read", "write", "force", "transferTo", "transferFrom")),
                                PathFieldAdvice.class),
                TypeAdvice.of("java.nio.file.Files")
                        // copy(InputStream, Path, ...) names its file second; getFileAttributeView does no I/O
                        .advise(isPublic().and(isStatic()).and(not(named("getFileAttributeView")))
                                        .and(not(takesArgument(0, InputStream.class))),
                                FirstArgumentAdvice.class)
                        .advise(isPublic().and(isStatic()).and(named("copy")).and(takesArgument(0, InputStream.class)),
                                SecondArgumentAdvice.class));
    }
}
