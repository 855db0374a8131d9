package dev.blockwatch.report;

import dev.blockwatch.config.DetailMode;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Turns what the advice handed over (a path, a socket, a channel, an address) into the
 * report's {@code detail} text. Runs only for reported calls, on the calling thread, and never
 * does a DNS lookup: a host is shown by the name it was connected with, else as its address.
 */
final class CallDetail {
    private CallDetail() {
    }

    static String describe(Object subject, DetailMode mode) {
        if (subject == null || mode == DetailMode.NONE) {
            return null;
        }
        if (subject instanceof String) {
            return (String) subject;
        }
        if (subject instanceof Path || subject instanceof File) {
            return subject.toString();
        }
        if (subject instanceof Socket) {
            return address(((Socket) subject).getRemoteSocketAddress());
        }
        if (subject instanceof SocketAddress) {
            return address((SocketAddress) subject);
        }
        if (subject instanceof SocketChannel) {
            try {
                return address(((SocketChannel) subject).getRemoteAddress());
            } catch (IOException e) {
                return null;
            }
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
}
