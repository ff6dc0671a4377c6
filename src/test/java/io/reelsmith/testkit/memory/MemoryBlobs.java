package io.reelsmith.testkit.memory;

import io.reelsmith.app.files.BlobKeys;
import io.reelsmith.app.files.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Blobs in memory, keyed as every store keys them ({@link BlobKeys}). */
public final class MemoryBlobs implements BlobStore {
    private record Stored(byte[] bytes, String contentType) {}

    private final Map<String, Stored> blobs = new TreeMap<>();

    @Override
    public synchronized Blob put(String kind, byte[] bytes, String contentType) {
        String key = BlobKeys.newKey(kind, contentType);
        blobs.put(key, new Stored(bytes.clone(), contentType));
        return new Blob(key, contentType, bytes.length);
    }

    @Override
    public synchronized Blob putFile(String key, Path file, String contentType) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        blobs.put(BlobKeys.check(key), new Stored(bytes, contentType));
        return new Blob(key, contentType, bytes.length);
    }

    @Override
    public synchronized Optional<Blob> find(String key) {
        Stored s = blobs.get(key);
        return s == null ? Optional.empty() : Optional.of(new Blob(key, s.contentType(), s.bytes().length));
    }

    @Override
    public synchronized InputStream open(String key, long offset) throws IOException {
        Stored s = blobs.get(key);
        if (s == null) throw new NoSuchFileException(key);
        return new ByteArrayInputStream(s.bytes(), (int) offset, s.bytes().length - (int) offset);
    }

    @Override
    public synchronized void delete(String key) {
        blobs.remove(key);
    }

    @Override
    public synchronized List<Blob> list(String prefix) {
        return blobs.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> new Blob(
                        e.getKey(), e.getValue().contentType(), e.getValue().bytes().length))
                .toList();
    }
}
