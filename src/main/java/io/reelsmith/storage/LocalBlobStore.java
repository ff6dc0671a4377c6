package io.reelsmith.storage;

import io.reelsmith.app.files.BlobKeys;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under one root: {@code ROOT/KEY} holds the bytes and {@code ROOT/KEY.type} the content
 * type. The type file is written first and the data last (temp + rename), so a blob that exists is whole
 * and typed. For one machine (or a shared file system): other machines cannot read it.
 */
public final class LocalBlobStore implements BlobStore {
    private static final String TYPE_SUFFIX = ".type";
    private final Path root;

    public LocalBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    @Override
    public Blob put(String kind, byte[] bytes, String contentType) throws IOException {
        String key = BlobKeys.newKey(kind, contentType);
        Path file = path(key);
        AtomicFiles.writeAtomically(typeFile(file), contentType);
        AtomicFiles.writeAtomically(file, bytes);
        return new Blob(key, contentType, bytes.length);
    }

    @Override
    public Blob putFile(String key, Path source, String contentType) throws IOException {
        Path file = path(key);
        AtomicFiles.writeAtomically(typeFile(file), contentType);
        AtomicFiles.writeAtomically(file, tmp -> Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING));
        return new Blob(key, contentType, Files.size(file));
    }

    @Override
    public Optional<Blob> find(String key) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        String type = Files.readString(typeFile(file), StandardCharsets.UTF_8).strip();
        return Optional.of(new Blob(key, type, Files.size(file)));
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = path(key);
        Files.deleteIfExists(file); // data first: a half-deleted blob is simply absent
        Files.deleteIfExists(typeFile(file));
    }

    @Override
    public List<Blob> list(String prefix) throws IOException {
        Path dir = root.resolve(BlobKeys.checkPrefix(prefix));
        List<Blob> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = root.relativize(f).toString().replace('\\', '/');
                if (key.endsWith(TYPE_SUFFIX) || f.getFileName().toString().startsWith("."))
                    continue; // types and temp files
                find(key).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        FileTrees.deleteTree(root.resolve(BlobKeys.checkPrefix(prefix)));
    }

    private Path path(String key) throws NoSuchFileException {
        Path file = root.resolve(BlobKeys.check(key)).normalize();
        if (!file.startsWith(root)) throw new NoSuchFileException("not a blob key: " + key);
        return file;
    }

    private static Path typeFile(Path file) {
        return file.resolveSibling(file.getFileName() + TYPE_SUFFIX);
    }
}
