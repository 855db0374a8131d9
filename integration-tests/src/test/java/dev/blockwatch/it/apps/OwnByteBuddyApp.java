package dev.blockwatch.it.apps;

import java.net.Socket;
import java.security.CodeSource;
import java.time.Duration;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application with its own Byte Buddy (an older version than the one relocated in the agent):
 * it generates a class, says which Byte Buddy jar it got, then makes a slow socket read on a
 * selector loop. Its output must not depend on whether the agent is loaded.
 */
public final class OwnByteBuddyApp {
    private OwnByteBuddyApp() {
    }

    public static void main(String[] args) throws Exception {
        CodeSource byteBuddySource = ByteBuddy.class.getProtectionDomain().getCodeSource();
        System.out.println("byteBuddyJar=" + (byteBuddySource == null
                ? "bootstrap class path"
                : byteBuddySource.getLocation().getPath().replaceAll(".*/", "")));
        Class<?> generated = new ByteBuddy()
                .subclass(Object.class)
                .name("dev.blockwatch.it.apps.Generated")
                .method(ElementMatchers.named("toString"))
                .intercept(FixedValue.value("made by the application's Byte Buddy"))
                .make()
                .load(OwnByteBuddyApp.class.getClassLoader())
                .getLoaded();
        System.out.println("generated=" + generated.getDeclaredConstructor().newInstance());
        try (LocalPeer peer = LocalPeer.answeringAfter(Duration.ofMillis(150));
             SelectorLoop loop = new SelectorLoop("selector-loop")) {
            System.out.println("read=" + loop.call(() -> readFromPeer(peer)));
        }
    }

    static int readFromPeer(LocalPeer peer) throws Exception {
        try (Socket socket = peer.connect()) {
            return socket.getInputStream().read();
        }
    }
}
