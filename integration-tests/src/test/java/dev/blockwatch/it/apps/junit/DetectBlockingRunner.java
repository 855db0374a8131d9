package dev.blockwatch.it.apps.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs sample test classes through the JUnit Platform's test kit, one class after the other in
 * the order given, as a build would, and prints
 * each test's outcome: {@code test <method> <status>}, then its failure message, each line led
 * by {@code | }, then {@code end}; last, whether blockwatch is active in this JVM.
 */
public final class DetectBlockingRunner {
    private DetectBlockingRunner() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        for (String className : args) {
            EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(Class.forName(className)))
                    .execute()
                    .testEvents().finished().stream()
                    .forEach(DetectBlockingRunner::print);
        }
        System.out.println("blockwatch-status=" + System.getProperty("dev.blockwatch.status"));
    }

    private static void print(Event event) {
        String method = event.getTestDescriptor().getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .orElse(event.getTestDescriptor().getDisplayName());
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        System.out.println("test " + method + " " + result.getStatus());
        result.getThrowable().ifPresent(failure -> {
            for (String line : String.valueOf(failure.getMessage()).split("\\R")) {
                System.out.println("| " + line);
            }
        });
        System.out.println("end");
    }
}
