package io.reelsmith.google;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One proof for both video back ends at the same time, each in its own directory with its own emulator: a proof that
 * mostly waits (child JVMs starting, operations running at the emulator) takes the time of the slower back end, not of
 * both. A failure names its back end; both always run to the end.
 */
final class BackEnds {
    static final List<String> ALL = List.of("veo", "omni");

    interface Proof {
        void run(String backend, Path dir) throws Exception;
    }

    private BackEnds() {}

    static void atOnce(Path dir, Proof proof) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ALL.size());
        try {
            Map<String, Future<?>> runs = new LinkedHashMap<>();
            for (String backend : ALL) {
                Path own = Files.createDirectories(dir.resolve(backend));
                runs.put(backend, pool.submit(() -> {
                    proof.run(backend, own);
                    return null;
                }));
            }
            AssertionError failed = null;
            for (Map.Entry<String, Future<?>> run : runs.entrySet()) {
                try {
                    run.getValue().get();
                } catch (ExecutionException e) {
                    AssertionError f = new AssertionError(run.getKey() + ": " + e.getCause(), e.getCause());
                    if (failed == null) failed = f;
                    else failed.addSuppressed(f);
                }
            }
            if (failed != null) throw failed;
        } finally {
            pool.shutdownNow();
        }
    }
}
