package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive;

import io.reelsmith.harness.S3Server;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a real S3-compatible server (S3Proxy) with {@code reelsmith.storage.download=redirect}: a
 * video's files land in the bucket under its owner's prefix, the owner's download is a 302 to a short-lived
 * signed URL that serves the bytes and Ranges without credentials, another user gets 404, and deleting the
 * video deletes its objects.
 */
class StoredDownloadsTest {
    private static final String BUCKET = "reelsmith-downloads";

    @TempDir
    Path data;

    @Test
    void theOwnerIsRedirectedToASignedUrlOfTheBucket() throws Exception {
        try (S3Server s3 = new S3Server()) {
            s3.createBucket(BUCKET);
            Map<String, String> settings = s3.settings(
                    BUCKET, "reelsmith.storage.download", "redirect", "reelsmith.storage.download.link.seconds", "60");
            try (TestServer server = new TestServer(data, FakeStages.providers(), settings)) {
                String owner = server.newUser(), stranger = server.newUser();
                String character = server.newCharacter(owner, "Bucket");
                String video = server.newVideo(owner, "clouds", character, 1);
                server.json("POST", "/api/v1/videos/" + video + "/start", owner, null);
                VideoFlowTest.followEvents(server, owner, video);

                List<String> keys = objectsOf(s3, video);
                assertThat(keys)
                        .anyMatch(k -> k.matches("users/[0-9a-f-]{36}/videos/" + video + "/final\\.mp4"))
                        .anyMatch(k -> k.endsWith("/" + video + "/.reelsmith/blocks/block-01.mp4"))
                        .anyMatch(k -> k.endsWith("/" + video + "/subtitles.ass"));

                HttpResponse<byte[]> redirect =
                        server.bytes("/api/v1/videos/" + video + "/files/final.mp4", owner, null);
                assertThat(redirect.statusCode()).isEqualTo(302);
                URI signed =
                        URI.create(redirect.headers().firstValue("Location").orElseThrow());
                assertThat(signed.getPort()).isEqualTo(s3.endpoint().getPort());
                assertThat(signed.getQuery()).contains("X-Amz-Signature").contains("X-Amz-Expires=60");

                HttpResponse<byte[]> whole = server.http.send(
                        HttpRequest.newBuilder(signed).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(whole.statusCode()).isEqualTo(200);
                TestServer.assertVertical(whole.body(), data.resolve("signed.mp4"));
                HttpResponse<byte[]> part = server.http.send(
                        HttpRequest.newBuilder(signed)
                                .header("Range", "bytes=10-19")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(part.statusCode()).isEqualTo(206);
                assertThat(part.body()).hasSize(10);

                assertThat(server.status("/api/v1/videos/" + video + "/files/final.mp4", stranger))
                        .isEqualTo(404);
                assertThat(server.status("/api/v1/videos/" + video + "/files/other.mp4", owner))
                        .isEqualTo(404);

                assertThat(server.json("DELETE", "/api/v1/videos/" + video, owner, null)
                                .statusCode())
                        .isEqualTo(204);
                assertThat(objectsOf(s3, video)).isEmpty();
            }
        }
    }

    private static List<String> objectsOf(S3Server s3, String video) {
        return s3.blobs().list(BUCKET, recursive()).stream()
                .map(StorageMetadata::getName)
                .filter(k -> k.contains("/" + video + "/"))
                .toList();
    }
}
