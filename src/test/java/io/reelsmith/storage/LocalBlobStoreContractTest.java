package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.files.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreContractTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    protected BlobStore store() throws Exception {
        return new LocalBlobStore(root);
    }

    @Test
    void keepsTheBytesInAFileUnderTheRoot() throws Exception {
        String key = store().put("characters", new byte[] {4, 2}, "image/png").key();

        assertThat(Files.readAllBytes(root.resolve(key))).containsExactly(4, 2);
    }
}
