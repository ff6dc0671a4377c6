package io.reelsmith.storage;

import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import io.reelsmith.app.files.BlobKeys;
import io.reelsmith.app.files.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Blobs as objects in a Google Cloud Storage bucket. The content type is the object's contentType; an
 * object appears only when its upload completes, which gives the all-or-nothing write {@link BlobStore}
 * promises. Credentials are Application Default Credentials (a service account on GCE/GKE/Cloud Run,
 * {@code GOOGLE_APPLICATION_CREDENTIALS} elsewhere) unless {@link Settings#host()} points at an emulator.
 */
public record GcsBlobStore(Storage storage, String bucket, String prefix) implements BlobStore, AutoCloseable {
    /**
     * @param projectId null to take it from the environment (ADC)
     * @param host      null for Google; an emulator's base URL (e.g. fake-gcs-server), used without credentials
     * @param prefix    where in the bucket our keys go ("" for the bucket root)
     */
    public record Settings(String bucket, String projectId, String host, String prefix) {
        public Settings {
            if (bucket == null || bucket.isBlank())
                throw new IllegalArgumentException("reelsmith.storage.gcs.bucket is required");
            prefix = BlobKeys.normalisePrefix(prefix);
        }
    }

    /** For tests and callers that configure the client themselves (e.g. LocalStorageHelper's in-memory storage). */
    public GcsBlobStore {
        prefix = BlobKeys.normalisePrefix(prefix);
    }

    public static GcsBlobStore connect(Settings s) {
        StorageOptions.Builder b = StorageOptions.newBuilder();
        if (s.projectId() != null && !s.projectId().isBlank()) b.setProjectId(s.projectId());
        if (s.host() != null && !s.host().isBlank()) b.setHost(s.host()).setCredentials(NoCredentials.getInstance());
        return new GcsBlobStore(b.build().getService(), s.bucket(), s.prefix());
    }

    @Override
    public Blob put(String kind, byte[] bytes, String contentType) throws IOException {
        String key = BlobKeys.newKey(kind, contentType);
        call("store " + key + " in", () -> storage.create(info(key, contentType), bytes));
        return new Blob(key, contentType, bytes.length);
    }

    @Override
    public Blob putFile(String key, Path file, String contentType) throws IOException {
        BlobInfo info = info(BlobKeys.check(key), contentType);
        call("store " + key + " in", () -> storage.createFrom(info, file));
        return new Blob(key, contentType, Files.size(file));
    }

    @Override
    public Optional<Blob> find(String key) throws IOException {
        BlobId id = id(BlobKeys.check(key));
        var b = call("look up " + key + " in", () -> storage.get(id));
        return b == null ? Optional.empty() : Optional.of(new Blob(key, b.getContentType(), b.getSize()));
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        // reader() is lazy and would fail only on the first read: look the object up first so that a
        // missing blob is a NoSuchFileException here, as with the other stores.
        if (find(key).isEmpty()) throw new NoSuchFileException(key);
        return call("read " + key + " from", () -> {
            ReadChannel channel = storage.reader(id(key));
            channel.seek(offset); // the client then asks only for the bytes from there
            return Channels.newInputStream(channel);
        });
    }

    @Override
    public void delete(String key) throws IOException {
        BlobId id = id(BlobKeys.check(key));
        call("delete " + key + " from", () -> storage.delete(id)); // false when absent: deleting twice is not an error
    }

    @Override
    public List<Blob> list(String prefix) throws IOException {
        String checked = BlobKeys.checkPrefix(prefix);
        return call("list " + prefix + " in", () -> {
            List<Blob> out = new ArrayList<>();
            for (var b : storage.list(bucket, Storage.BlobListOption.prefix(this.prefix + checked))
                    .iterateAll()) {
                out.add(new Blob(b.getName().substring(this.prefix.length()), b.getContentType(), b.getSize()));
            }
            return out;
        });
    }

    /** A V4 signed URL; empty when the credentials cannot sign (user credentials, an emulator). */
    @Override
    public Optional<URI> signedUrl(String key, Duration ttl, String downloadName) throws IOException {
        BlobInfo info = BlobInfo.newBuilder(id(BlobKeys.check(key))).build();
        try {
            var url = storage.signUrl(
                    info,
                    ttl.toSeconds(),
                    TimeUnit.SECONDS,
                    Storage.SignUrlOption.withV4Signature(),
                    Storage.SignUrlOption.withQueryParams(
                            Map.of("response-content-disposition", "attachment; filename=\"" + downloadName + "\"")));
            return Optional.of(url.toURI());
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return Optional.empty(); // no signing key: the API streams the file instead
        } catch (StorageException | URISyntaxException e) {
            throw new IOException("could not sign a URL for " + key + " in gs://" + bucket + ": " + e.getMessage(), e);
        }
    }

    private <T> T call(String doing, RemoteCall.Body<T> body) throws IOException {
        return RemoteCall.run(StorageException.class, doing, "gs://" + bucket, body);
    }

    private BlobId id(String key) {
        return BlobId.of(bucket, prefix + key);
    }

    private BlobInfo info(String key, String contentType) {
        return BlobInfo.newBuilder(id(key)).setContentType(contentType).build();
    }

    @Override
    public void close() throws IOException {
        try {
            storage.close();
        } catch (Exception e) {
            throw new IOException("could not close the Cloud Storage client: " + e.getMessage(), e);
        }
    }
}
