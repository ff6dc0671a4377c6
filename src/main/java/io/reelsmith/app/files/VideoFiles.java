package io.reelsmith.app.files;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A video's durable files in the {@link BlobStore}, under {@code users/<owner>/videos/<video>/<workspace path>}.
 * The store is the truth; a worker's {@link Workspace} is a scratch copy that {@link #restore} rebuilds on any
 * machine, so no process ever needs another one's disk. The stages never see the store: the service saves a
 * step's files after the step wrote them and before the journal records it done ({@link StoringJournal}).
 */
public final class VideoFiles {
    private static final Map<String, String> TYPES = Map.of(
            "mp4",
            "video/mp4",
            "png",
            "image/png",
            "jpg",
            "image/jpeg",
            "json",
            "application/json",
            "ass",
            "text/x-ssa; charset=utf-8",
            "srt",
            "application/x-subrip; charset=utf-8",
            "vtt",
            "text/vtt; charset=utf-8");

    private final BlobStore blobs;

    public VideoFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** The blob key of a workspace file ("final.mp4", ".reelsmith/take.mp4"). */
    public static String key(String ownerId, String videoId, String path) {
        return BlobKeys.videoFile(ownerId, videoId, path);
    }

    /** Uploads these files of the workspace (each replaces its stored copy). */
    public void save(String ownerId, String videoId, Workspace ws, Collection<Path> files) throws IOException {
        for (Path f : files) {
            String path = ws.relative(f);
            blobs.putFile(key(ownerId, videoId, path), f, contentType(path));
        }
    }

    /** Stores one file from bytes (the API's script.json and character.png), through a local temp file. */
    public void save(String ownerId, String videoId, String path, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile("reelsmith-upload", ".part");
        try {
            Files.write(tmp, bytes);
            blobs.putFile(key(ownerId, videoId, path), tmp, contentType(path));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** One stored file's bytes, if stored (small files only: script.json). */
    public Optional<byte[]> read(String ownerId, String videoId, String path) throws IOException {
        String key = key(ownerId, videoId, path);
        if (blobs.find(key).isEmpty()) return Optional.empty();
        try (InputStream in = blobs.open(key)) {
            return Optional.of(in.readAllBytes());
        }
    }

    /** A stored file's size in bytes, if stored (to decide whether to send it inline or as a link). */
    public Optional<Long> size(String ownerId, String videoId, String path) throws IOException {
        return blobs.find(key(ownerId, videoId, path)).map(BlobStore.Blob::size);
    }

    /**
     * Makes the workspace an exact copy of what the store holds: whatever a previous run left on this disk
     * is dropped first (it may be stale or half-written), then every stored file is downloaded.
     */
    public void restore(String ownerId, String videoId, Workspace ws) throws IOException {
        FileTrees.deleteTree(ws.dir());
        String prefix = BlobKeys.videoPrefix(ownerId, videoId);
        for (BlobStore.Blob b : blobs.list(prefix)) {
            Path file = ws.dir().resolve(b.key().substring(prefix.length())).normalize();
            if (!file.startsWith(ws.dir())) throw new IOException("blob " + b.key() + " falls outside the workspace");
            AtomicFiles.writeAtomically(file, tmp -> {
                try (InputStream in = blobs.open(b.key())) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
            });
        }
    }

    /** Deletes the stored files that a predicate on their workspace-relative names picks (regenerating). */
    public void forget(String ownerId, String videoId, Predicate<String> which) throws IOException {
        String prefix = BlobKeys.videoPrefix(ownerId, videoId);
        for (BlobStore.Blob b : blobs.list(prefix))
            if (which.test(b.key().substring(prefix.length()))) blobs.delete(b.key());
    }

    /** Deletes every stored file of the video. */
    public void deleteAll(String ownerId, String videoId) throws IOException {
        blobs.deleteAll(BlobKeys.videoPrefix(ownerId, videoId));
    }

    /** The media type a stored file is served with, by its extension ("text/vtt; charset=utf-8"). */
    public static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : path.substring(dot + 1), "application/octet-stream");
    }
}
