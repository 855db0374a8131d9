package dev.blockwatch.it.apps;

import dev.blockwatch.Blockwatch;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * Four threads, marked as watched through the public API, each make 250,000 one-byte reads of
 * /dev/zero from one site: at threshold 0 that is a million reports in a few seconds.
 */
public final class FloodApp {
    public static final int THREADS = 4;
    public static final int READS_PER_THREAD = 250_000;

    private FloodApp() {
    }

    public static void main(String[] args) throws Exception {
        List<FutureTask<Integer>> floods = new ArrayList<>();
        for (int i = 1; i <= THREADS; i++) {
            FutureTask<Integer> flood = new FutureTask<>(() -> {
                Blockwatch.watchCurrentThread();
                return floodReads();
            });
            floods.add(flood);
            new Thread(flood, "flood-" + i).start();
        }
        long reads = 0;
        for (FutureTask<Integer> flood : floods) {
            reads += flood.get();
        }
        System.out.println("reads=" + reads);
    }

    static int floodReads() throws IOException {
        int reads = 0;
        try (FileInputStream in = new FileInputStream("/dev/zero")) {
            for (int i = 0; i < READS_PER_THREAD; i++) {
                reads += in.read() + 1; // a read of /dev/zero returns 0, so this counts the reads
            }
        }
        return reads;
    }
}
