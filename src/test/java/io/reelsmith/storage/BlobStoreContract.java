package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.files.BlobKeys;
import io.reelsmith.app.files.BlobStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} adapter must do, run against each of them (file, S3, GCS) by a subclass
 * that provides the store.
 */
abstract class BlobStoreContract {
    /** A fresh, empty store for each test. */
    protected abstract BlobStore store() throws Exception;

    /** A well-formed key that the store never made. */
    static final String UNKNOWN = "characters/2026/00000000-0000-0000-0000-000000000000.png";

    @Test
    void findsWhatWasPutWithItsTypeAndSize() throws Exception {
        BlobStore s = store();
        BlobStore.Blob put = s.put("characters", "png bytes".getBytes(StandardCharsets.UTF_8), "image/png");

        assertThat(put.key()).startsWith("characters/").endsWith(".png");
        assertThat(put.size()).isEqualTo(9);
        assertThat(s.find(put.key())).contains(new BlobStore.Blob(put.key(), "image/png", 9));
    }

    @Test
    void givesBackTheExactBytesOfALargeBinaryBlob() throws Exception {
        BlobStore s = store();
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        String key = s.put("videos", bytes, "video/mp4").key();

        try (InputStream in = s.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(s.find(key).orElseThrow().size()).isEqualTo(bytes.length);
    }

    @Test
    void storesAnEmptyBlob() throws Exception {
        BlobStore s = store();
        String key = s.put("notes", new byte[0], "text/plain").key();

        assertThat(key).endsWith(".txt");
        assertThat(s.find(key).orElseThrow().size()).isZero();
        try (InputStream in = s.open(key)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void makesANewKeyForEveryPutEvenOfTheSameBytes() throws Exception {
        BlobStore s = store();
        byte[] same = {1, 2, 3};
        String a = s.put("characters", same, "image/png").key();
        String b = s.put("characters", same, "image/png").key();

        assertThat(a).isNotEqualTo(b);
        s.delete(a);
        assertThat(s.find(b)).isPresent();
    }

    @Test
    void keepsAnUnknownContentTypeAndGivesItABinExtension() throws Exception {
        BlobStore s = store();
        BlobStore.Blob put = s.put("imports", new byte[] {9}, "application/x-reelsmith");

        assertThat(put.key()).endsWith(".bin");
        assertThat(s.find(put.key()).orElseThrow().contentType()).isEqualTo("application/x-reelsmith");
    }

    @Test
    void aKeyNeverPutIsAbsent() throws Exception {
        BlobStore s = store();

        assertThat(s.find(UNKNOWN)).isEmpty();
        assertThatThrownBy(() -> s.open(UNKNOWN).close()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deleteRemovesTheBlobAndDeletingTwiceIsFine() throws Exception {
        BlobStore s = store();
        String key = s.put("characters", new byte[] {1}, "image/png").key();

        s.delete(key);
        s.delete(key);

        assertThat(s.find(key)).isEmpty();
        assertThatThrownBy(() -> s.open(key).close()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesKeysItDidNotMake() throws Exception {
        BlobStore s = store();
        for (String bad :
                new String[] {"../../etc/passwd", "characters/2026/../../x.png", "Characters/2026/a.png", "", "a/b"}) {
            assertThatThrownBy(() -> s.find(bad)).as(bad).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> s.open(bad)).as(bad).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> s.delete(bad)).as(bad).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void refusesAKindThatIsNotAPlainWord() throws Exception {
        BlobStore s = store();
        assertThatThrownBy(() -> s.put("../x", new byte[] {1}, "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.put("", new byte[] {1}, "image/png")).isInstanceOf(IllegalArgumentException.class);
    }

    static final String USER = UUID.randomUUID().toString();

    @Test
    void keepsAVideosFilesUnderItsPrefixListsAndDeletesThemTogether() throws Exception {
        BlobStore s = store();
        String video = UUID.randomUUID().toString(), other = UUID.randomUUID().toString();
        Path file = Files.createTempFile("blob", ".mp4");
        byte[] bytes = new byte[200_000];
        new Random(3).nextBytes(bytes);
        Files.write(file, bytes);
        try {
            String finalKey = BlobKeys.videoFile(USER, video, "final.mp4");
            String clipKey = BlobKeys.videoFile(USER, video, ".reelsmith/blocks/block-01.mp4");
            s.putFile(finalKey, file, "video/mp4");
            s.putFile(finalKey, file, "video/mp4"); // a step run twice uploads twice: same object
            s.putFile(clipKey, file, "video/mp4");
            s.putFile(BlobKeys.videoFile(USER, other, "final.mp4"), file, "video/mp4");

            assertThat(s.find(finalKey)).contains(new BlobStore.Blob(finalKey, "video/mp4", bytes.length));
            assertThat(s.list(BlobKeys.videoPrefix(USER, video)))
                    .extracting(BlobStore.Blob::key)
                    .containsExactlyInAnyOrder(finalKey, clipKey);
            try (InputStream in = s.open(finalKey, 150_000)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 150_000, bytes.length));
            }

            s.deleteAll(BlobKeys.videoPrefix(USER, video));
            s.deleteAll(BlobKeys.videoPrefix(USER, video));

            assertThat(s.list(BlobKeys.videoPrefix(USER, video))).isEmpty();
            assertThat(s.find(finalKey)).isEmpty();
            assertThat(s.list(BlobKeys.videoPrefix(USER, other))).hasSize(1); // another video's files stay
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void refusesVideoPathsAndPrefixesItDidNotMake() throws Exception {
        BlobStore s = store();
        String video = UUID.randomUUID().toString();
        for (String bad :
                new String[] {"../x.mp4", ".reelsmith/../../x", "a/../b", ".hidden", "A.mp4", "a//b", "/final.mp4"}) {
            assertThatThrownBy(() -> BlobKeys.videoFile(USER, video, bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.find(BlobKeys.videoPrefix(USER, video) + bad))
                    .as(bad)
                    .isInstanceOf(NoSuchFileException.class);
        }
        assertThatThrownBy(() -> BlobKeys.videoPrefix("not-a-user", video))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.list("users/")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> s.deleteAll("")).isInstanceOf(NoSuchFileException.class);
    }
}
