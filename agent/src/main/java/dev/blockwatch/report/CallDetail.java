package dev.blockwatch.report;

import dev.blockwatch.bootstrap.PreparedStatementSql;
import dev.blockwatch.bootstrap.StartedProcesses;
import dev.blockwatch.config.Category;
import dev.blockwatch.config.DetailMode;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.StringTokenizer;

/**
 * Turns what the advice handed over (a path, a socket, a channel, an address, a command, SQL or
 * a statement, a Redis command) into the report's {@code detail} text. Runs only for reported calls and never does a DNS lookup:
 * a host is shown by the name it was connected with, else as its address. A command is shown
 * as its program and number of arguments unless {@code detail=full}: arguments may hold
 * secrets.
 */
final class CallDetail {
    private CallDetail() {
    }

    static String describe(Category category, Object subject, DetailMode mode) {
        if (subject == null || mode == DetailMode.NONE || category == Category.SLEEP || category == Category.WAIT) {
            return null;
        }
        if (category == Category.JDBC) {
            return SqlText.describe(subject instanceof String ? (String) subject : PreparedStatementSql.sqlOf(subject),
                    mode);
        }
        if (category == Category.REDIS) {
            return RedisCommandText.describe(subject, mode);
        }
        if (category == Category.PROCESS) {
            List<String> command = command(subject);
            return command == null || command.isEmpty() ? null : describeCommand(command, mode);
        }
        if (subject instanceof String) {
            return (String) subject;
        }
        if (subject instanceof Path || subject instanceof File) {
            return subject.toString();
        }
        if (subject instanceof InetAddress) {
            return ((InetAddress) subject).getHostAddress();
        }
        if (subject instanceof Socket) {
            return address(((Socket) subject).getRemoteSocketAddress());
        }
        if (subject instanceof SocketAddress) {
            return address((SocketAddress) subject);
        }
        if (subject instanceof DatagramPacket) {
            return address(((DatagramPacket) subject).getSocketAddress());
        }
        try {
            if (subject instanceof SocketChannel) {
                return address(((SocketChannel) subject).getRemoteAddress());
            }
            if (subject instanceof DatagramChannel) {
                return address(((DatagramChannel) subject).getRemoteAddress());
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static String address(SocketAddress address) {
        if (!(address instanceof InetSocketAddress)) {
            return address == null ? null : address.toString();
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        String host = inet.getHostString();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return host + ":" + inet.getPort();
    }

    /** {@code pg_dump +3 args}, or with {@code detail=full} the whole command line. */
    static String describeCommand(List<String> command, DetailMode mode) {
        if (mode == DetailMode.FULL) {
            return String.join(" ", command);
        }
        return command.get(0) + " +" + (command.size() - 1) + " args";
    }

    /** The command of a ProcessBuilder, an exec argument, or a started process. */
    private static List<String> command(Object subject) {
        if (subject instanceof ProcessBuilder) {
            return ((ProcessBuilder) subject).command();
        }
        if (subject instanceof String[]) {
            return Arrays.asList((String[]) subject);
        }
        if (subject instanceof String) {
            // split as Runtime.exec(String) does
            StringTokenizer tokens = new StringTokenizer((String) subject);
            String[] words = new String[tokens.countTokens()];
            for (int i = 0; i < words.length; i++) {
                words[i] = tokens.nextToken();
            }
            return Arrays.asList(words);
        }
        return StartedProcesses.commandOf(subject);
    }
}
