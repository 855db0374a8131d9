package dev.blockwatch.benchmarks;

/** The program {@link StartupTime} starts: all start-up, almost no work. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
