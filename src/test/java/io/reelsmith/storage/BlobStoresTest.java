package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.files.BlobStore;
import io.reelsmith.harness.S3Server;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoresTest {
    @Test
    void localIsTheDefault(@TempDir Path dir) throws Exception {
        assertThat(BlobStores.open(Map.of(), dir)).isInstanceOf(LocalBlobStore.class);
    }

    @Test
    void s3SettingsReachTheServer(@TempDir Path dir) throws Exception {
        try (S3Server server = new S3Server()) {
            server.createBucket("videos");
            BlobStore store = BlobStores.open(server.settings("videos", "reelsmith.storage.s3.prefix", "prod"), dir);
            try (AutoCloseable closing = (AutoCloseable) store) {
                String key =
                        store.put("characters", new byte[] {7}, "image/png").key();
                try (InputStream raw = server.blobs()
                        .getBlob("videos", "prod/" + key)
                        .getPayload()
                        .openStream()) {
                    assertThat(raw.readAllBytes()).containsExactly(7);
                }
                try (InputStream in = store.open(key)) {
                    assertThat(in.readAllBytes()).containsExactly(7);
                }
            }
        }
    }

    @Test
    void aMissingBucketOrUnknownTypeIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> BlobStores.open(Map.of("reelsmith.storage.type", "s3"), dir))
                .hasMessageContaining("reelsmith.storage.s3.bucket");
        assertThatThrownBy(() -> BlobStores.open(Map.of("reelsmith.storage.type", "gcs"), dir))
                .hasMessageContaining("reelsmith.storage.gcs.bucket");
        assertThatThrownBy(() -> BlobStores.open(Map.of("reelsmith.storage.type", "ftp"), dir))
                .hasMessageContaining("local, s3 or gcs");
    }
}
