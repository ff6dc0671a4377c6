package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.veo.VeoMaker;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Veo on Vertex AI past its 30 s extension input limit: 8 blocks make two chains (answers of 8, 15, 22, 29, 36 s, then
 * a new 8 s clip from the last frame, extended twice), each block's clip the last 7 s of Google's whole-video answer,
 * joined at the shared frame. Every block appears once in its place (its first frame where the plan puts it), the
 * take is the planned seconds x 24 frames less one per restart, the join has no gap (frame times step by exactly
 * 1/24 s) and no duplicated frame (the frame after the join differs from the one before it).
 */
class VeoSegmentsTest {
    @Test
    void eightBlocksCrossTheSourceLimitAndJoinWithoutGapOrDuplicate(@TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            GoogleConfig config = EmulatorFixture.config(emulator);
            ChainPlan plan = ChainPlan.of(Script.blockSeconds(8), config.video(), config.surface());
            assertThat(plan.chains()).isEqualTo(2);
            assertThat(plan.call(5).kind()).isEqualTo(ChainPlan.Kind.FIRST_FRAME);
            Take take;
            List<BlockClip> blocks = new ArrayList<>();
            try (GoogleProvider google = new GoogleProvider(config, SpendLedger.Recorder.NONE)) {
                CharacterProfile nano = new CharacterProfile("Nano", "a banana", null);
                Path character = Files.write(
                        dir.resolve("character.png"), google.characterImages().create(nano));
                Script script = google.scriptWriter().write(new ScriptRequest("rain", nano, 8, "en"));
                BlockClip prev = null;
                for (int i = 0; i < 8; i++) {
                    prev = google.videoMaker()
                            .makeBlock(new BlockJob(
                                    script, i, character, prev, dir, new EmulatorFixture.MemoryCheckpoint()));
                    blocks.add(prev);
                }
                take = google.videoMaker().assemble(blocks, dir.resolve("take"));
            }
            // Google answers the whole chain so far; each block keeps the new seconds, once, in its place in the take
            assertThat(Double.parseDouble(blocks.get(4).facts().get(VeoMaker.FACT_ANSWER_SECONDS)))
                    .isCloseTo(36, within(0.05));
            assertThat(Double.parseDouble(blocks.get(7).facts().get(VeoMaker.FACT_ANSWER_SECONDS)))
                    .isCloseTo(22, within(0.05));
            double[] starts = FrameCheck.blockStarts(take.file(), blocks, plan, VeoMaker.FACT_ANSWER, dir);
            assertThat(Arrays.stream(starts).boxed().toList())
                    .as("each block's first frame in the take against its new seconds'")
                    .allSatisfy(d -> assertThat(d).isLessThan(4.0));
            for (BlockClip b : blocks)
                assertThat(FrameCheck.videoPts(b.file()))
                        .hasSize(plan.call(b.index()).seconds() * 24);
            assertThat(take.seconds())
                    .isCloseTo(plan.takeSeconds(), within(0.1))
                    .isGreaterThanOrEqualTo(57);
            assertThat(FrameCheck.videoPts(take.file())).hasSize((int) plan.billedSeconds() * 24 - plan.restarts());
            MediaInfo info = MediaInfo.probe(take.file());
            assertThat(info.hasAudio()).isTrue();

            // Google's log: every block billed once, nothing refused, no retired model, extensions never from > 30 s.
            List<CallLog.Call> billable = emulator.log().calls().stream()
                    .filter(CallLog.Call::billable)
                    .toList();
            assertThat(billable.stream().filter(c -> c.kind().equals("generate")))
                    .hasSize(1);
            assertThat(billable.stream().filter(c -> c.kind().equals("extend"))).hasSize(6);
            assertThat(billable.stream().filter(c -> c.kind().equals("continue")))
                    .hasSize(1);
            assertThat(emulator.log().calls())
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
            assertThat(emulator.log().calls()).allSatisfy(c -> {
                if (c.model() != null)
                    assertThat(GoogleModels.builtIn()
                                    .find(c.model())
                                    .orElseThrow()
                                    .isShutdown())
                            .isFalse();
            });

            // The join: chain 1 is 36 s = 864 frames; the take's frame 864 is chain 2's second frame.
            List<Double> times = FrameCheck.videoPts(take.file());
            int join = 36 * 24;
            for (int i = join - 3; i < join + 3; i++)
                assertThat(times.get(i + 1) - times.get(i)).isCloseTo(1 / 24.0, within(0.002));
            double before = difference(frame(take.file(), join - 2, dir), frame(take.file(), join - 1, dir));
            double across = difference(frame(take.file(), join - 1, dir), frame(take.file(), join, dir));
            // The emulator's continuation moves from its first frame on (a bright bar from frame 1): a kept first frame
            // would be a re-encoded copy of the shared frame, differing only by compression noise.
            assertThat(before).isLessThan(3);
            assertThat(across)
                    .as("the frame after the join is not a copy of the shared frame")
                    .isGreaterThan(10);
        }
    }

    private static BufferedImage frame(Path video, int n, Path dir) throws Exception {
        Path png = dir.resolve("f" + n + ".png");
        Ffmpeg.command()
                .input(video)
                .videoFilter("select=eq(n\\," + n + ")")
                .args("-frames:v", "1")
                .output(png)
                .run();
        return ImageIO.read(png.toFile());
    }

    /** Mean absolute difference of the luma-ish channel sum, 0..255. */
    private static double difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF))
                        + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
