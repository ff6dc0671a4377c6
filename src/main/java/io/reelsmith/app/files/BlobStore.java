package io.reelsmith.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Port: where uploaded and generated files are kept — character images, and every durable file of a video
 * (clips, take, subtitles, final.mp4 …), so that any machine can resume or serve any video. Keys follow
 * {@link BlobKeys}: the store makes upload keys itself, video files go under the video's prefix; no user
 * input ever becomes part of a path. Writes are all-or-nothing and the content type travels with the bytes.
 * Adapters: {@link LocalBlobStore} (one machine), {@link S3BlobStore}, {@link GcsBlobStore}.
 */
public interface BlobStore {
    /** Stores the bytes under a new key; {@code kind} is a fixed word of the caller ("characters"). */
    Blob put(String kind, byte[] bytes, String contentType) throws IOException;

    /** Stores a file under a key made by {@link BlobKeys#videoFile}, replacing what was there (same file twice: no harm). */
    Blob putFile(String key, Path file, String contentType) throws IOException;

    Optional<Blob> find(String key) throws IOException;

    default InputStream open(String key) throws IOException {
        return open(key, 0);
    }

    /** The bytes from {@code offset} to the end: what a ranged download reads, without fetching what it skips. */
    InputStream open(String key, long offset) throws IOException;

    void delete(String key) throws IOException;

    /**
     * Every blob under a prefix made by {@link BlobKeys#videoPrefix}, in key order, with its size; its content type
     * only where the listing carries it (null otherwise: {@link #find} has it).
     */
    List<Blob> list(String prefix) throws IOException;

    /** Deletes every blob under a video prefix; nothing there is not an error. */
    default void deleteAll(String prefix) throws IOException {
        for (Blob b : list(prefix)) delete(b.key());
    }

    /**
     * A URL from which anyone holding it may GET the blob for {@code ttl}, saved as {@code downloadName};
     * empty when this store cannot sign one (local files, GCS without a signing key).
     */
    default Optional<URI> signedUrl(String key, Duration ttl, String downloadName) throws IOException {
        return Optional.empty();
    }

    record Blob(String key, String contentType, long size) {}
}
