package io.reelsmith.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Port: where uploaded and generated files (character images) are kept. The store makes every key itself
 * ({@code kind/yyyy/uuid.ext}) so no user input ever becomes part of a path; writes are all-or-nothing and
 * the content type travels with the bytes. Adapter: {@link LocalBlobStore}; an object store adapter would
 * implement the same four methods.
 */
public interface BlobStore {
    /** Stores the bytes under a new key; {@code kind} is a fixed word of the caller ("characters"). */
    Blob put(String kind, byte[] bytes, String contentType) throws IOException;

    Optional<Blob> find(String key) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;

    record Blob(String key, String contentType, long size) { }
}
