package io.reelsmith.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Media work (FFmpeg runs) beside the caller's, on a thread of its own that the caller starts: on Linux a new thread
 * takes its creator's CPU priority, so a job thread's lowered one (service/ThreadNice) reaches its FFmpeg runs — the
 * common pool's threads would not — and long waits on FFmpeg never hold a pool that others share.
 */
public final class Background {
    private Background() {}

    /** What runs there: I/O that may fail. */
    public interface IoWork {
        void run() throws IOException;
    }

    /** {@code work} on a new thread called {@code name}; completes with how long it took (ms), or its IOException. */
    public static CompletableFuture<Long> start(String name, IoWork work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long t0 = System.nanoTime();
                    try {
                        work.run();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return (System.nanoTime() - t0) / 1_000_000;
                },
                r -> Daemons.named(name).newThread(r).start());
    }

    /** Its milliseconds once done; its IOException as thrown, any other failure as one that says {@code what}. */
    public static long await(CompletableFuture<Long> task, String what) throws IOException {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            throw new IOException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
