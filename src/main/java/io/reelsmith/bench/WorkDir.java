package io.reelsmith.bench;

import io.reelsmith.kernel.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a benchmark makes its files: the directory given (created if missing, kept afterwards), else a temporary
 * one deleted when the run ends. As a mixin it is the benchmarks' {@code --keep} option.
 */
public final class WorkDir {
    @Option(
            names = "--keep",
            description = "Work in this directory and keep what is made there (default: a temporary one, deleted).")
    Path keep;

    /** An open working directory; closing it deletes it unless it was given. */
    public record Open(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() {
            if (temporary) FileTrees.deleteTreeQuietly(path);
        }
    }

    public Open open(String tempPrefix) throws IOException {
        return open(keep, tempPrefix);
    }

    /** {@code given}, or a new temporary directory named after {@code tempPrefix}. */
    public static Open open(Path given, String tempPrefix) throws IOException {
        return given != null
                ? new Open(Files.createDirectories(given), false)
                : new Open(Files.createTempDirectory(tempPrefix), true);
    }
}
