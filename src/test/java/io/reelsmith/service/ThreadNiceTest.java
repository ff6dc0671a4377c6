package io.reelsmith.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** reelsmith.jobs.nice: a job thread (and what it starts) runs at the set priority, the process's other threads not. */
class ThreadNiceTest {
    @Test
    void aLoweredJobThreadAndItsChildProcessesRunAtItsNiceTheOtherThreadsKeepTheirs() throws Exception {
        int own = niceOfThisThread();
        ExecutorService job = Executors.newSingleThreadExecutor();
        try {
            int[] seen = CompletableFuture.supplyAsync(
                            () -> {
                                ThreadNice.lower(own + 5);
                                ThreadNice.lower(own + 9); // once per thread: a job thread is lowered once
                                try {
                                    return new int[] {niceOfThisThread(), niceOfChild()};
                                } catch (IOException | InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            job)
                    .get();
            assertThat(seen).containsExactly(own + 5, own + 5);
            // a thread the lowered one starts inherits its priority; asked for a higher one it keeps its own
            int kept = CompletableFuture.supplyAsync(
                            () -> {
                                int[] child = {-1};
                                Thread t = new Thread(() -> {
                                    ThreadNice.lower(own + 3);
                                    try {
                                        child[0] = niceOfThisThread();
                                    } catch (IOException e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                                t.start();
                                try {
                                    t.join();
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                                return child[0];
                            },
                            job)
                    .get();
            assertThat(kept).as("never raised").isEqualTo(own + 5);
        } finally {
            job.shutdown();
        }
        assertThat(niceOfThisThread()).as("the test's own thread").isEqualTo(own);
    }

    /** Field 19 of /proc/thread-self/stat: the calling thread's nice. */
    private static int niceOfThisThread() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    /** `nice` with no argument prints the priority it runs at: what a job's FFmpeg would get. */
    private static int niceOfChild() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("nice").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return Integer.parseInt(out);
    }
}
