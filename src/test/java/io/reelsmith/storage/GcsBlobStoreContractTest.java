package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.reelsmith.app.files.BlobStore;
import org.junit.jupiter.api.Test;

/**
 * The GCS adapter, through the real google-cloud-storage client, against LocalStorageHelper's in-memory
 * storage (google-cloud-nio's test helper; it fakes the storage RPC layer under the client).
 */
class GcsBlobStoreContractTest extends BlobStoreContract {
    private static final String BUCKET = "reelsmith-test";
    private Storage storage;

    @Override
    protected BlobStore store() {
        storage = LocalStorageHelper.getOptions().getService(); // getOptions() empties the shared fake
        return new GcsBlobStore(storage, BUCKET, "reelsmith");
    }

    @Test
    void createsOneObjectUnderThePrefixWithItsContentType() throws Exception {
        BlobStore s = store();

        String key = s.put("characters", new byte[] {4, 2}, "image/png").key();

        BlobId id = BlobId.of(BUCKET, "reelsmith/" + key);
        assertThat(storage.readAllBytes(id)).containsExactly(4, 2);
        assertThat(storage.get(id).getContentType()).isEqualTo("image/png");
    }
}
