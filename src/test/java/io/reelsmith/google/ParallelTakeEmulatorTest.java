package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.emulator.CallLog;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.Step;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parallel take of 3 blocks through the pipeline against the emulator, on both surfaces (Veo on Vertex AI:
 * interpolations of 8, 8 and 6 s — the emulator's lines fit 6 s, and the take ends on its planned 22 s; Omni on an API
 * key: image_to_video with a last frame, the blocks' own 8/7/7 s): 4 keyframes, each
 * billed once, then one first-and-last-frame clip per block, joined on the keyframes they share. At every join the last
 * frame before and the first frame after look alike (SSIM ≥ 0.95: the keyframe is kept once, nothing cut), and the take
 * holds the planned seconds × 24 frames, give or take one frame per join.
 */
class ParallelTakeEmulatorTest {
    @RegisterExtension
    static final GoogleEmulatorExtension gemini = new GoogleEmulatorExtension();

    private static final Pattern SSIM = Pattern.compile("All:([0-9.]+)");

    @ParameterizedTest
    @ValueSource(strings = {"veo", "omni"})
    void everyJoinIsSeamlessAndTheTakeHasThePlannedFrames(String backend, @TempDir Path dir) throws Exception {
        GoogleConfig config = gemini.config(EmulatorFixture.backendEnv(backend));
        // the render is not what is measured: stop once the take is joined
        ParallelRun run = ParallelRun.until(config, 3, Step.SUBTITLES, dir);

        String videoKind = backend.equals("veo") ? "interpolate" : "omni-first-last";
        int[] clip = backend.equals("veo") ? new int[] {8, 8, 6} : new int[] {8, 7, 7};
        assertThat(gemini.calls(videoKind)).hasSize(3).allMatch(CallLog.Call::billable);
        assertThat(gemini.calls(videoKind).stream().map(c -> (int) c.seconds()))
                .containsExactlyInAnyOrder(clip[0], clip[1], clip[2]);
        assertThat(gemini.billable("image"))
                .as("the character and 4 keyframes, each drawn once")
                .isEqualTo(5);
        assertThat(run.ledger().all().stream()
                        .filter(e -> e.step().startsWith("keyframe-"))
                        .map(e -> e.step()))
                .containsExactlyInAnyOrder("keyframe-1", "keyframe-2", "keyframe-3", "keyframe-4");

        Path take = run.ws()
                .dir()
                .resolve(run.journal()
                        .step(Step.SUBTITLES)
                        .orElseThrow()
                        .outputs()
                        .get("take"));
        int frames = FrameCheck.videoPts(take).size();
        int planned = 24 * (clip[0] + clip[1] + clip[2]);
        assertThat(frames)
                .as("the planned seconds x 24, one frame per join at most apart")
                .isBetween(planned - 2, planned + 2);
        int join = 0;
        for (int k = 0; k < 2; k++) {
            join += 24 * clip[k] - (k == 0 ? 0 : 1); // the later clip's first frame (the shared keyframe) is dropped
            double ssim = ssim(frame(take, join - 1, dir), frame(take, join, dir));
            assertThat(ssim)
                    .as("SSIM across join %d (frames %d|%d)", k + 1, join - 1, join)
                    .isGreaterThanOrEqualTo(0.95);
        }
    }

    private static Path frame(Path video, int n, Path dir) throws IOException {
        Path png = dir.resolve("frame-" + n + ".png");
        Ffmpeg.command()
                .input(video)
                .args("-vf", "select=eq(n\\," + n + ")", "-vsync", "0", "-frames:v", "1")
                .output(png)
                .run();
        return png;
    }

    private static double ssim(Path a, Path b) throws IOException {
        String out = Ffmpeg.command().input(a).input(b).args("-lavfi", "ssim").analyse();
        Matcher m = SSIM.matcher(out);
        if (!m.find()) throw new IOException("no SSIM in: " + out);
        return Double.parseDouble(m.group(1));
    }
}
