package dev.blockwatch.it.apps;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * Two plain threads, {@code worker-7} and {@code worker-1000}, each make three one-byte reads of
 * /dev/zero from one site: run with threshold=0 and {@code thread-names=worker-\d{1,3}}, only the
 * first is watched, and each of its reads is reported.
 */
public final class WorkerThreadsApp {
    public static final int READS = 3;

    private WorkerThreadsApp() {
    }

    public static void main(String[] args) throws Exception {
        Outcome.onNewThread("worker-7", WorkerThreadsApp::readZeroThrice).print("matchingWorker");
        Outcome.onNewThread("worker-1000", WorkerThreadsApp::readZeroThrice).print("otherWorker");
    }

    static int readZeroThrice() throws IOException {
        int zeros = 0;
        try (FileInputStream in = new FileInputStream("/dev/zero")) {
            for (int i = 0; i < READS; i++) {
                if (in.read() == 0) {
                    zeros++;
                }
            }
        }
        return zeros;
    }
}
