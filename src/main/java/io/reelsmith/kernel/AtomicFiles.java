package io.reelsmith.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes that are all-or-nothing: a reader sees the old file or the whole new one, never half of it.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        writeAtomically(file, tmp -> Files.write(tmp, bytes));
    }

    /** Writes a whole file at the path it is given (a temporary sibling of the target). */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path tmp) throws IOException;
    }

    /**
     * The one atomic write: {@code writer} fills a temporary file beside {@code file}, which then replaces it. The
     * temporary name keeps the extension, because FFmpeg and ImageIO choose the format from it.
     */
    public static void writeAtomically(Path file, FileWriter writer) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path tmp = Files.createTempFile(
                target.getParent(),
                "." + (dot > 0 ? name.substring(0, dot) : name) + ".part-",
                dot > 0 ? name.substring(dot) : "");
        try {
            writer.writeTo(tmp);
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
