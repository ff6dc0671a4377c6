package io.reelsmith.storage;

import io.reelsmith.app.files.BlobStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chooses the {@link BlobStore} adapter from settings: {@code reelsmith.storage.type} = {@code local} (files
 * under the data directory, the default), {@code s3} or {@code gcs}. Several machines need s3 or gcs: every
 * file of every video lives there. The keys belong to the service's properties file (service.Config);
 * docs/deployment.md lists them.
 */
public final class BlobStores {
    public static final String TYPE = "reelsmith.storage.type";
    /** How the API serves a video's files: {@code stream} (through the API, with HTTP Range) or {@code redirect}. */
    public static final String DOWNLOAD = "reelsmith.storage.download";
    /** How long a redirect's signed URL stays valid. */
    public static final String LINK_SECONDS = "reelsmith.storage.download.link.seconds";

    /** Every key with its default (null: none), for a configuration loader to merge in. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(TYPE, "local");
        d.put("reelsmith.storage.s3.bucket", null);
        d.put("reelsmith.storage.s3.region", "us-east-1");
        d.put("reelsmith.storage.s3.endpoint", null);
        d.put("reelsmith.storage.s3.path.style", "false");
        d.put("reelsmith.storage.s3.access.key", null);
        d.put("reelsmith.storage.s3.secret.key", null);
        d.put("reelsmith.storage.s3.prefix", "");
        d.put("reelsmith.storage.gcs.bucket", null);
        d.put("reelsmith.storage.gcs.project", null);
        d.put("reelsmith.storage.gcs.host", null);
        d.put("reelsmith.storage.gcs.prefix", "");
        d.put(DOWNLOAD, "stream");
        d.put(LINK_SECONDS, "300");
        return Collections.unmodifiableMap(d);
    }

    private BlobStores() {}

    /** {@code localRoot} is where the local adapter keeps files (the data directory's blobs/). */
    public static BlobStore open(Map<String, String> settings, Path localRoot) throws IOException {
        String type = value(settings, TYPE);
        return switch (type == null ? "local" : type) {
            case "local" -> new LocalBlobStore(localRoot);
            case "s3" -> {
                String endpoint = value(settings, "reelsmith.storage.s3.endpoint");
                yield new S3BlobStore(new S3BlobStore.Settings(
                        value(settings, "reelsmith.storage.s3.bucket"),
                        value(settings, "reelsmith.storage.s3.region"),
                        endpoint == null ? null : URI.create(endpoint),
                        Boolean.parseBoolean(value(settings, "reelsmith.storage.s3.path.style")),
                        value(settings, "reelsmith.storage.s3.access.key"),
                        value(settings, "reelsmith.storage.s3.secret.key"),
                        value(settings, "reelsmith.storage.s3.prefix")));
            }
            case "gcs" ->
                GcsBlobStore.connect(new GcsBlobStore.Settings(
                        value(settings, "reelsmith.storage.gcs.bucket"),
                        value(settings, "reelsmith.storage.gcs.project"),
                        value(settings, "reelsmith.storage.gcs.host"),
                        value(settings, "reelsmith.storage.gcs.prefix")));
            default -> throw new IllegalArgumentException(TYPE + " must be local, s3 or gcs, not '" + type + "'");
        };
    }

    /** A set, non-blank value, else the default. */
    private static String value(Map<String, String> settings, String key) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? DEFAULTS.get(key) : v.strip();
    }
}
