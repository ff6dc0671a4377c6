package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.character.painter.PortraitPainter;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.animatic.PaletteDriftCheck;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-block preview routes: 404 while a block is not made, then its clip (a decodable MP4) and poster (a PNG)
 * for the owner only; the video's JSON lists each block's drift score, retake and preview URLs. The stand-in blocks
 * are plain blue clips that show no painted character, so the drift check scores them low and each block is re-made once.
 */
class BlockPreviewApiTest {
    @TempDir
    Path data;

    /** The test provider with the local drift check and a painted character: every block drifts (a plain blue clip). */
    static Function<String, Stages> checkedProviders() {
        Function<String, Stages> plain = FakeStages.providers();
        return name -> {
            Stages s = plain.apply(name);
            return new Stages(
                    s.provider(),
                    new PortraitPainter(),
                    s.scripts(),
                    s.video(),
                    s.wordTimer(),
                    s.captionStyle(),
                    s.renderer(),
                    new DriftGuard(new PaletteDriftCheck(), DriftGuard.DEFAULT_THRESHOLD, 1),
                    null);
        };
    }

    @Test
    void eachFinishedBlockHasAClipAndAPosterForItsOwnerOnly() throws Exception {
        try (TestServer server = new TestServer(data, checkedProviders(), Map.of())) {
            String owner = server.newUser(), stranger = server.newUser();
            String character = TestServer.parse(
                            server.json("POST", "/api/v1/characters", owner, "{\"name\":\"Blocky\"}"))
                    .get("id")
                    .asText();
            String video = TestServer.parse(server.json(
                            "POST",
                            "/api/v1/videos",
                            owner,
                            "{\"theme\":\"kites\",\"characterId\":\"" + character + "\",\"blocks\":2}"))
                    .get("id")
                    .asText();
            String clip1 = "/api/v1/videos/" + video + "/blocks/1/clip",
                    poster1 = "/api/v1/videos/" + video + "/blocks/1/poster";

            HttpResponse<byte[]> early = server.bytes(clip1, owner, null);
            assertThat(early.statusCode()).isEqualTo(404);
            assertThat(new String(early.body())).contains("block 1's clip (the block is not finished yet)");
            assertThat(server.bytes(poster1, owner, null).statusCode()).isEqualTo(404);

            server.json("POST", "/api/v1/videos/" + video + "/start", owner, null);
            VideoFlowTest.followEvents(server, owner, video);

            HttpResponse<byte[]> clip = server.bytes(clip1, owner, null);
            assertThat(clip.statusCode()).isEqualTo(200);
            assertThat(clip.headers().firstValue("Content-Type").orElse("")).startsWith("video/mp4");
            Path mp4 = Files.write(data.resolve("block-1.mp4"), clip.body());
            assertThat(MediaInfo.probe(mp4).videoCodec()).isEqualTo("h264");
            Path frame = data.resolve("decoded.png");
            Ffmpeg.command().input(mp4).args("-frames:v", "1").output(frame).run();
            assertThat(ImageIO.read(frame.toFile()).getWidth()).isEqualTo(180);

            HttpResponse<byte[]> poster = server.bytes("/api/v1/videos/" + video + "/blocks/2/poster", owner, null);
            assertThat(poster.statusCode()).isEqualTo(200);
            assertThat(poster.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(poster.body()));
            assertThat(img.getWidth()).isEqualTo(180);
            assertThat(img.getRGB(90, 160) & 0xFFFFFF)
                    .as("the blue stand-in clip")
                    .satisfies(rgb -> assertThat(rgb & 0xFF).isGreaterThan(rgb >> 16 & 0xFF));

            assertThat(server.bytes(clip1, stranger, null).statusCode()).isEqualTo(404);
            assertThat(server.bytes(poster1, stranger, null).statusCode()).isEqualTo(404);
            assertThat(server.bytes("/api/v1/videos/" + video + "/blocks/3/clip", owner, null)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(server.bytes("/api/v1/videos/" + video + "/blocks/x/clip", owner, null)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(server.bytes(clip1, null, null).statusCode()).isEqualTo(401);

            JsonNode json = TestServer.parse(server.json("GET", "/api/v1/videos/" + video, owner, null));
            assertThat(json.get("status").asText()).isEqualTo("completed");
            JsonNode b1 = json.get("blockPreviews").get(0);
            assertThat(b1.get("block").asInt()).isEqualTo(1);
            assertThat(b1.get("clip").asText()).isEqualTo(clip1);
            assertThat(b1.get("poster").asText()).isEqualTo(poster1);
            assertThat(b1.get("driftScore").asDouble()).isLessThan(DriftGuard.DEFAULT_THRESHOLD);
            assertThat(b1.get("retake").asText())
                    .as("re-made once; the retake is no better")
                    .isEqualTo(DriftGuard.FIRST_KEPT);
            assertThat(b1.get("driftReason").asText()).contains("of the character's colours");
        }
    }
}
