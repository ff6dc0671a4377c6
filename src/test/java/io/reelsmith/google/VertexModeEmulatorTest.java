package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.veo.VeoMaker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vertex AI mode (project, location, bearer credentials) through the real SDK: videos come back inline, and Veo's
 * extension answers one video, its input followed by 7 new seconds, of which the block keeps the new 7 s.
 */
class VertexModeEmulatorTest {
    @Test
    void vertexModeMakesAndExtendsAVideo(@TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            GoogleConfig config = EmulatorFixture.config(
                    emulator,
                    "REELSMITH_GOOGLE_VERTEX",
                    "true",
                    "GOOGLE_CLOUD_PROJECT",
                    "demo-project",
                    "GOOGLE_CLOUD_LOCATION",
                    "europe-west4");
            GoogleCredentials token = GoogleCredentials.create(new AccessToken("emulator-token", null));
            try (GoogleProvider google =
                    new GoogleProvider(config, SpendLedger.Recorder.NONE, GoogleClients.create(config, token))) {
                CharacterProfile nano = new CharacterProfile("Nano", "a banana", null);
                Path character = Files.write(
                        dir.resolve("character.png"), google.characterImages().create(nano));
                Script script = google.scriptWriter().write(new ScriptRequest("rain", nano, 2, "en"));
                var cp1 = new EmulatorFixture.MemoryCheckpoint();
                BlockClip first = google.videoMaker().makeBlock(new BlockJob(script, 0, character, null, dir, cp1));
                assertThat(first.facts().get(VeoMaker.FACT_OPERATION))
                        .startsWith("projects/demo-project/locations/europe-west4/publishers/google/models/");
                BlockClip second = google.videoMaker()
                        .makeBlock(
                                new BlockJob(script, 1, character, first, dir, new EmulatorFixture.MemoryCheckpoint()));
                assertThat(FrameCheck.videoPts(second.file())).hasSize(7 * 24);
                Path answer = second.file().resolveSibling(second.facts().get(VeoMaker.FACT_ANSWER));
                assertThat(FrameCheck.videoPts(answer)).hasSize(15 * 24); // the 8 s input, then the 7 new seconds
                assertThat(MediaInfo.probe(answer).hasAudio()).isTrue();
                // asked with generateAudio (Rule.VEO_AUDIO): each clip speaks over its bed, none comes back silent
                for (Path clip : List.of(first.file(), second.file()))
                    assertThat(MediaInfo.meanVolumeDb(clip)).as(clip.toString()).isGreaterThan(-40);
                // the answer begins as its input did and ends as the block's clip does
                byte[][] answerFrames = FrameCheck.thumbnails(answer, List.of(0, 8 * 24, 15 * 24 - 1), dir);
                assertThat(FrameCheck.difference(
                                answerFrames[0], FrameCheck.thumbnails(first.file(), List.of(0), dir)[0]))
                        .isLessThan(4);
                assertThat(FrameCheck.difference(
                                answerFrames[1], FrameCheck.thumbnails(second.file(), List.of(0), dir)[0]))
                        .isLessThan(4);
                assertThat(FrameCheck.difference(
                                answerFrames[2], FrameCheck.thumbnails(second.file(), List.of(7 * 24 - 1), dir)[0]))
                        .isLessThan(4);
                assertThat(google.videoMaker()
                                .makeBlock(new BlockJob(script, 0, character, null, dir, cp1))
                                .file())
                        .isEqualTo(first.file());
                // A worker journaled block 1's inline video, then died before the file reached the store: the next run
                // reads the done operation again (free) instead of failing or paying a second time.
                byte[] firstBytes = Files.readAllBytes(first.file());
                Files.delete(first.file());
                assertThat(google.videoMaker()
                                .makeBlock(new BlockJob(script, 0, character, null, dir, cp1))
                                .file())
                        .hasBinaryContent(firstBytes);
            }
            assertThat(EmulatorFixture.calls(emulator, "download")).isEmpty(); // inline videos
            assertThat(EmulatorFixture.billable(emulator, "generate")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "extend")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "image") + EmulatorFixture.billable(emulator, "text"))
                    .isEqualTo(2);
        }
    }
}
