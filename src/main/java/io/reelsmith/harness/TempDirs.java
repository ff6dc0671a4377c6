package io.reelsmith.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing scratch directories that benchmarks and harnesses create. */
public final class TempDirs {
    private TempDirs() { }

    /** Deletes a directory tree; what cannot be deleted is left behind rather than failing the caller. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file is not worth failing a run for
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
