package io.reelsmith.cli;

import java.util.concurrent.CountDownLatch;

/** The long-running commands (serve, worker, emulator) stay in the foreground the same way. */
final class UntilStopped {
    private UntilStopped() {}

    /** Keeps the process alive until it is stopped (Ctrl-C, SIGTERM), then closes {@code running} cleanly. */
    static void run(AutoCloseable running) throws InterruptedException {
        var done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("reelsmith: error while stopping: " + e.getMessage());
            }
            done.countDown();
        }));
        done.await();
    }
}
