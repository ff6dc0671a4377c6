package io.reelsmith.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Year;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Blobs as files under one root: {@code ROOT/KEY} holds the bytes and {@code ROOT/KEY.type} the content
 * type. The type file is written first and the data last (temp + rename), so a blob that exists is whole
 * and typed.
 */
public final class LocalBlobStore implements BlobStore {
    /** What a key made by {@link #put} looks like; anything else is refused before it touches the disk. */
    private static final Pattern KEY = Pattern.compile("[a-z]{1,20}/[0-9]{4}/[0-9a-f-]{36}\\.[a-z0-9]{1,5}");
    private static final Pattern KIND = Pattern.compile("[a-z]{1,20}");
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/webp", "webp", "video/mp4", "mp4", "application/json", "json", "text/plain", "txt");

    private final Path root;

    public LocalBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    @Override
    public Blob put(String kind, byte[] bytes, String contentType) throws IOException {
        if (!KIND.matcher(kind).matches()) throw new IllegalArgumentException("bad blob kind " + kind);
        String ext = EXTENSIONS.getOrDefault(contentType, "bin");
        String key = kind + "/" + Year.now() + "/" + UUID.randomUUID() + "." + ext;
        Path file = path(key);
        Files2.writeAtomically(typeFile(file), contentType);
        Files2.writeAtomically(file, bytes);
        return new Blob(key, contentType, bytes.length);
    }

    @Override
    public Optional<Blob> find(String key) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        String type = Files.readString(typeFile(file), StandardCharsets.UTF_8).strip();
        return Optional.of(new Blob(key, type, Files.size(file)));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = path(key);
        Files.deleteIfExists(file); // data first: a half-deleted blob is simply absent
        Files.deleteIfExists(typeFile(file));
    }

    private Path path(String key) throws NoSuchFileException {
        if (key == null || !KEY.matcher(key).matches()) throw new NoSuchFileException("not a blob key: " + key);
        return root.resolve(key);
    }

    private static Path typeFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".type");
    }
}
