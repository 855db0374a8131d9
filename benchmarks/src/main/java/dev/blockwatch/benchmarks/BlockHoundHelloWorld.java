package dev.blockwatch.benchmarks;

import reactor.blockhound.BlockHound;

/** {@link HelloWorld} with BlockHound installed the way its documentation tells users to: first thing in main. */
public final class BlockHoundHelloWorld {
    private BlockHoundHelloWorld() {
    }

    public static void main(String[] args) {
        BlockHound.install();
        HelloWorld.main(args);
    }
}
