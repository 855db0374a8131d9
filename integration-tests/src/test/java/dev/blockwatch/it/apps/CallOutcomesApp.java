package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Instrumented calls on a watched selector loop whose results and exceptions the application
 * prints, one line per call, so that a run with the agent can be compared with a run without it.
 * The argument is a directory holding {@code data.txt} (written by the test); the output names no
 * port, pid or time, so that it is the same from run to run.
 */
public final class CallOutcomesApp {
    private CallOutcomesApp() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path data = dir.resolve("data.txt");
        List<String> lines = new ArrayList<>();
        try (LocalPeer answering = LocalPeer.answeringAfter(Duration.ZERO);
             LocalPeer resetting = LocalPeer.resettingAfterOneByte();
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            // The outcomes are printed by the main thread: the loop itself writes nothing to stdout.
            lines.add(outcome(loop, "readIntoArray", () -> readIntoArray(data)));
            lines.add(outcome(loop, "readSingleBytes", () -> readSingleBytes(data)));
            lines.add(outcome(loop, "randomAccessRead", () -> randomAccessRead(data)));
            lines.add(outcome(loop, "channelRead", () -> channelRead(data)));
            lines.add(outcome(loop, "readAllBytes", () -> new String(Files.readAllBytes(data), StandardCharsets.UTF_8)));
            lines.add(outcome(loop, "writeThenSize", () -> writeThenSize(dir.resolve("written.txt"))));
            lines.add(outcome(loop, "socketRead", () -> socketRead(answering)));
            lines.add(outcome(loop, "readClosedStream", () -> readClosedStream(data)));
            lines.add(outcome(loop, "writeClosedStream", () -> writeClosedStream(dir.resolve("closed.txt"))));
            lines.add(outcome(loop, "readMissingFile", () -> Files.readAllBytes(dir.resolve("missing.txt")).length));
            lines.add(outcome(loop, "readResetConnection", () -> readResetConnection(resetting)));
        }
        lines.forEach(System.out::println);
    }

    /** "name: result", or "name threw Type: message at Class.method" with the exception's first frame. */
    private static String outcome(SelectorLoop loop, String name, Callable<Object> call) throws Exception {
        try {
            return name + ": " + loop.call(call);
        } catch (IOException e) {
            StackTraceElement top = e.getStackTrace()[0];
            return name + " threw " + e.getClass().getName() + ": " + e.getMessage()
                    + " at " + top.getClassName() + "." + top.getMethodName();
        }
    }

    static String readIntoArray(Path data) throws IOException {
        try (FileInputStream in = new FileInputStream(data.toFile())) {
            byte[] buffer = new byte[64];
            int first = in.read(buffer, 4, 10);
            int rest = in.read(buffer);
            int atEnd = in.read(buffer);
            return first + " " + rest + " " + atEnd + " " + new String(buffer, 0, 14, StandardCharsets.UTF_8).trim();
        }
    }

    static String readSingleBytes(Path data) throws IOException {
        try (InputStream in = new FileInputStream(data.toFile())) {
            StringBuilder read = new StringBuilder();
            for (int b; (b = in.read()) >= 0; ) {
                read.append(b).append(',');
            }
            return read.append(in.read()).toString();
        }
    }

    static String randomAccessRead(Path data) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "r")) {
            file.seek(6);
            byte[] buffer = new byte[8];
            int count = file.read(buffer);
            return count + " " + new String(buffer, 0, count, StandardCharsets.UTF_8) + " " + file.read();
        }
    }

    static String channelRead(Path data) throws IOException {
        try (FileChannel channel = FileChannel.open(data)) {
            ByteBuffer buffer = ByteBuffer.allocate(5);
            int count = channel.read(buffer, 3);
            return count + " " + new String(buffer.array(), 0, count, StandardCharsets.UTF_8) + " "
                    + channel.read(ByteBuffer.allocate(5), 1000);
        }
    }

    static long writeThenSize(Path file) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            out.write("written by the application".getBytes(StandardCharsets.UTF_8));
            out.write('!');
        }
        return Files.size(file);
    }

    static String socketRead(LocalPeer peer) throws IOException {
        try (Socket socket = peer.connect()) {
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first + " " + in.read(new byte[8]);
        }
    }

    static int readResetConnection(LocalPeer peer) throws IOException {
        try (Socket socket = peer.connect()) {
            socket.getOutputStream().write(1); // the peer resets the connection once it has this byte
            return socket.getInputStream().read();
        }
    }

    static int readClosedStream(Path data) throws IOException {
        FileInputStream in = new FileInputStream(data.toFile());
        in.close();
        return in.read();
    }

    static String writeClosedStream(Path file) throws IOException {
        FileOutputStream out = new FileOutputStream(file.toFile());
        out.close();
        out.write(1);
        return "written";
    }
}
