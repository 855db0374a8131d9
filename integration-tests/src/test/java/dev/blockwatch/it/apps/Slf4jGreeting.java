package dev.blockwatch.it.apps;

import org.slf4j.LoggerFactory;

/** The one place LogSinkApp touches SLF4J, so that the application also runs where SLF4J is absent. */
final class Slf4jGreeting {
    private Slf4jGreeting() {
    }

    static void greet(String message) {
        LoggerFactory.getLogger(LogSinkApp.class).info(message);
    }
}
