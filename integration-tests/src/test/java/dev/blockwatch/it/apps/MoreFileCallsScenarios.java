package dev.blockwatch.it.apps;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * File calls beyond the stream reads and writes, each made once on a selector loop from its own
 * method: FileChannel force and transfers, and the {@code java.nio.file.Files} operations that
 * touch the disk. Run at threshold 0, where every timed call is reported; everything else (making
 * the files, opening and closing the channels) is done on main, which is not watched. Each
 * scenario prints the path its record must name.
 */
public final class MoreFileCallsScenarios {
    public static final byte[] CONTENT = "blockwatch".getBytes();

    private MoreFileCallsScenarios() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectory(Path.of("files").toAbsolutePath());
        Path data = Files.write(dir.resolve("data.bin"), CONTENT);
        try (SelectorLoop loop = new SelectorLoop("selector-loop");
             FileChannel written = FileChannel.open(dir.resolve("forced.bin"),
                     StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel source = FileChannel.open(data);
             FileChannel transferTarget = FileChannel.open(dir.resolve("transferred-to.bin"),
                     StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel transferSource = FileChannel.open(data);
             FileChannel filled = FileChannel.open(dir.resolve("transferred-from.bin"),
                     StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            written.write(ByteBuffer.wrap(CONTENT));
            run(loop, "forceChannel", dir.resolve("forced.bin"), () -> forceChannel(written));
            run(loop, "transferToChannel", data, () -> transferToChannel(source, transferTarget));
            run(loop, "transferFromChannel", dir.resolve("transferred-from.bin"),
                    () -> transferFromChannel(filled, transferSource));
            run(loop, "listDirectory", dir, () -> listDirectory(dir));
            run(loop, "walkDirectory", dir, () -> walkDirectory(dir));
            run(loop, "iterateDirectoryStream", dir, () -> iterateDirectoryStream(dir));
            run(loop, "copyFile", data, () -> copyFile(data, dir.resolve("copy.bin")));
            Path toMove = Files.write(dir.resolve("to-move.bin"), CONTENT);
            run(loop, "moveFile", toMove, () -> moveFile(toMove, dir.resolve("moved.bin")));
            Path toDelete = Files.write(dir.resolve("to-delete.bin"), CONTENT);
            run(loop, "deleteFile", toDelete, () -> deleteFile(toDelete));
            run(loop, "sizeOfFile", data, () -> sizeOfFile(data));
            run(loop, "fileExists", data, () -> fileExists(data));
        }
    }

    private static void run(SelectorLoop loop, String scenario, Path path, Callable<Object> call) throws Exception {
        System.out.println(scenario + ".path=" + path);
        loop.call(() -> Outcome.here(call.call())).print(scenario);
    }

    static String forceChannel(FileChannel channel) throws IOException {
        channel.force(true);
        return "forced";
    }

    static long transferToChannel(FileChannel source, FileChannel target) throws IOException {
        return source.transferTo(0, CONTENT.length, target);
    }

    static long transferFromChannel(FileChannel target, FileChannel source) throws IOException {
        return target.transferFrom(source, 0, CONTENT.length);
    }

    /** Iterating the listing reads the directory natively, which is part of the one Files.list call. */
    static long listDirectory(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.count();
        }
    }

    /** Not iterated: walking on reads each entry's attributes through further Files calls. */
    static String walkDirectory(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return "walking";
        }
    }

    static long iterateDirectoryStream(Path dir) throws IOException {
        long entries = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path ignored : stream) {
                entries++;
            }
        }
        return entries;
    }

    static String copyFile(Path source, Path target) throws IOException {
        return Files.copy(source, target).getFileName().toString();
    }

    static String moveFile(Path source, Path target) throws IOException {
        return Files.move(source, target).getFileName().toString();
    }

    static String deleteFile(Path file) throws IOException {
        Files.delete(file);
        return "deleted";
    }

    static long sizeOfFile(Path file) throws IOException {
        return Files.size(file);
    }

    static boolean fileExists(Path file) {
        return Files.exists(file);
    }
}
