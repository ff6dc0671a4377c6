package io.reelsmith.harness;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for tests: S3Proxy on 127.0.0.1 (a free port) over jclouds' in-memory
 * "transient" blob store, checking AWS V2/V4 signatures with fixed test credentials. The AWS SDK talks to it
 * exactly as to any S3-compatible endpoint (path-style).
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "reelsmith-test-access", SECRET_KEY = "reelsmith-test-secret";
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    public S3Server() throws IOException {
        context = ContextBuilder.newBuilder("transient")
                .credentials("unused", "unused")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start(); // Jetty's start returns once the connector is bound
        } catch (Exception e) {
            context.close();
            throw new IOException("could not start S3Proxy: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public void createBucket(String bucket) {
        blobs().createContainerInLocation(null, bucket);
    }

    /** The backing store, to look at what the adapter really wrote (bypassing S3Proxy and our adapter). */
    public BlobStore blobs() {
        return context.getBlobStore();
    }

    /** The settings of the configuration file that make Reelsmith store in {@code bucket} on this server, then {@code more}. */
    public Map<String, String> settings(String bucket, String... more) {
        Map<String, String> all = new HashMap<>();
        environment(bucket).forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT).replace('_', '.'), v));
        for (int i = 0; i + 1 < more.length; i += 2) all.put(more[i], more[i + 1]);
        return all;
    }

    /** The settings a Reelsmith process needs to use {@code bucket} on this server, as environment variables. */
    public Map<String, String> environment(String bucket) {
        return Map.of(
                "REELSMITH_STORAGE_TYPE",
                "s3",
                "REELSMITH_STORAGE_S3_BUCKET",
                bucket,
                "REELSMITH_STORAGE_S3_ENDPOINT",
                endpoint().toString(),
                "REELSMITH_STORAGE_S3_PATH_STYLE",
                "true",
                "REELSMITH_STORAGE_S3_ACCESS_KEY",
                ACCESS_KEY,
                "REELSMITH_STORAGE_S3_SECRET_KEY",
                SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            System.err.println("could not stop S3Proxy: " + e.getMessage());
        }
        context.close();
    }
}
