package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive;

import io.reelsmith.app.files.BlobKeys;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.harness.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 adapter, through the real AWS SDK client, against a real S3-compatible server (S3Proxy) on loopback. */
class S3BlobStoreContractTest extends BlobStoreContract {
    private static S3Server server;
    private S3BlobStore store;
    private String bucket;

    @BeforeAll
    static void startServer() throws IOException {
        server = new S3Server();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected BlobStore store() {
        bucket = "reelsmith-" + System.nanoTime(); // a fresh bucket per test: an empty store
        server.createBucket(bucket);
        store = new S3BlobStore(settings(bucket, server.endpoint()));
        return store;
    }

    private static S3BlobStore.Settings settings(String bucket, URI endpoint) {
        return new S3BlobStore.Settings(
                bucket, "us-east-1", endpoint, true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, "/team-a/reelsmith/");
    }

    @AfterEach
    void closeClient() {
        if (store != null) store.close();
    }

    @Test
    void putsOneObjectUnderThePrefixWithItsContentType() throws Exception {
        BlobStore s = store();

        String key = s.put("characters", new byte[] {4, 2}, "image/png").key();

        Blob o = server.blobs().getBlob(bucket, "team-a/reelsmith/" + key);
        assertThat(o).isNotNull();
        try (InputStream in = o.getPayload().openStream()) {
            assertThat(in.readAllBytes()).containsExactly(4, 2);
        }
        assertThat(o.getMetadata().getContentMetadata().getContentType()).isEqualTo("image/png");
        assertThat(server.blobs().list(bucket, recursive())).hasSize(1);
    }

    @Test
    void aListingIsOneRequestWithSizesNotAHeadPerObject() throws Exception {
        BlobStore s = store();
        String video = UUID.randomUUID().toString(), key = BlobKeys.videoFile(USER, video, "final.mp4");
        Path file = Files.writeString(Files.createTempFile("listed", ".mp4"), "0123456789");
        try {
            s.putFile(key, file, "video/mp4");
            // a HEAD per object (what a run's restore did) would have brought the content type along
            assertThat(s.list(BlobKeys.videoPrefix(USER, video))).containsExactly(new BlobStore.Blob(key, null, 10));
            assertThat(s.find(key)).contains(new BlobStore.Blob(key, "video/mp4", 10));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aSignedUrlServesTheObjectAndItsRangesWithoutCredentials() throws Exception {
        BlobStore s = store();
        Path file = Files.createTempFile("signed", ".mp4");
        Files.write(file, "0123456789".getBytes());
        String key = BlobKeys.videoFile(USER, UUID.randomUUID().toString(), "final.mp4");
        s.putFile(key, file, "video/mp4");
        Files.delete(file);

        URI url = s.signedUrl(key, Duration.ofMinutes(5), "final.mp4").orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> part = http.send(
                HttpRequest.newBuilder(url).header("Range", "bytes=3-5").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsigned = http.send(
                HttpRequest.newBuilder(URI.create(url.toString().replaceAll("\\?.*", "")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("345");
        assertThat(part.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"final.mp4\"");
        assertThat(unsigned.statusCode()).isEqualTo(403);
    }

    @Test
    void reportsAnUnreachableServerAsAnIOException() {
        S3BlobStore s = new S3BlobStore(settings("nowhere", URI.create("http://127.0.0.1:1")));
        try (s) {
            assertThatThrownBy(() -> s.put("characters", new byte[] {1}, "image/png"))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> s.find(UNKNOWN)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void reportsAMissingBucketAsAnIOException() {
        try (S3BlobStore s = new S3BlobStore(settings("no-such-bucket", server.endpoint()))) {
            assertThatThrownBy(() -> s.put("characters", new byte[] {1}, "image/png"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no-such-bucket");
        }
    }
}
