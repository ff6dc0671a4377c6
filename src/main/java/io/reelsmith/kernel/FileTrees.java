package io.reelsmith.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing directory trees: job directories, scratch directories. */
public final class FileTrees {
    private FileTrees() {}

    /** Deletes a directory tree (or a file); nothing to do when it is absent. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The same for scratch directories: what cannot be deleted is left behind rather than failing the caller. */
    public static void deleteTreeQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | RuntimeException ignored) {
            // best effort: a leftover temp file is not worth failing a run for
        }
    }
}
