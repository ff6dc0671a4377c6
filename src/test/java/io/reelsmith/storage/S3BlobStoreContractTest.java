package io.reelsmith.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 adapter, through the real AWS SDK client, against an S3-protocol server on loopback. */
class S3BlobStoreContractTest extends BlobStoreContract {
    private static S3TestServer server;
    private S3BlobStore store;
    private String bucket;

    @BeforeAll
    static void startServer() throws IOException {
        server = new S3TestServer();
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
        return new S3BlobStore.Settings(bucket, "us-east-1", endpoint, true, "test-access", "test-secret", "/team-a/reelsmith/");
    }

    @AfterEach
    void closeClient() {
        if (store != null) store.close();
    }

    @Test
    void putsOneObjectUnderThePrefixWithItsContentType() throws Exception {
        BlobStore s = store();
        int before = server.objectCount();

        String key = s.put("characters", new byte[]{4, 2}, "image/png").key();

        S3TestServer.StoredObject o = server.object(bucket, "team-a/reelsmith/" + key);
        assertThat(o).isNotNull();
        assertThat(o.bytes()).containsExactly(4, 2);
        assertThat(o.contentType()).isEqualTo("image/png");
        assertThat(server.objectCount()).isEqualTo(before + 1);
        assertThat(server.requests()).contains("PUT /" + bucket + "/team-a/reelsmith/" + key); // path-style
    }

    @Test
    void theTestServerUnwrapsAwsChunkedUploads() throws Exception {
        // The framing the SDK uses for streaming uploads: hex size;signature, data, …, a 0 chunk, trailers.
        byte[] framed = ("5;chunk-signature=ab\r\nhello\r\n6;chunk-signature=cd\r\n world\r\n0;chunk-signature=ef\r\n"
                + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(new String(S3TestServer.decodeAwsChunked(framed), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hello world");
    }

    @Test
    void reportsAnUnreachableServerAsAnIOException() {
        S3BlobStore s = new S3BlobStore(settings("nowhere", URI.create("http://127.0.0.1:1")));
        try (s) {
            assertThatThrownBy(() -> s.put("characters", new byte[]{1}, "image/png")).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> s.find(UNKNOWN)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void reportsAMissingBucketAsAnIOException() {
        try (S3BlobStore s = new S3BlobStore(settings("no-such-bucket", server.endpoint()))) {
            assertThatThrownBy(() -> s.put("characters", new byte[]{1}, "image/png"))
                    .isInstanceOf(IOException.class).hasMessageContaining("no-such-bucket");
        }
    }
}
