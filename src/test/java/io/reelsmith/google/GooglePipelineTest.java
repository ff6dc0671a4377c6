package io.reelsmith.google;

import io.reelsmith.character.CharacterProfile;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.JobSpec;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.Workspace;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.render.MediaInfo;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline with the google stages against the emulator: 4 blocks (8+7+7+7 s), the take's audio
 * timed by the subtitle stage's own word timer (Veo reports no word times), captioned and burned in, 1080x1920.
 */
class GooglePipelineTest {
    @Test
    void fourBlockVideoEndToEnd(@TempDir Path dir) throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start();
             GoogleProvider google = new GoogleProvider(EmulatorFixture.config(emulator), SpendLedger.Recorder.NONE)) {
            Workspace ws = new Workspace(dir);
            Stages stages = new Stages("google", google.characterImages(), google.scriptWriter(), google.videoMaker(),
                    io.reelsmith.subtitle.align.WordTimers.auto(), CaptionStyle.SHORTS, new FinalRenderer("ultrafast", 30));
            JobSpec spec = new JobSpec("a treasure hunt in the park", new CharacterProfile("Nano", "a cartoon banana", null), 4, "en");
            new Pipeline(stages).run(spec, ws, new FileJournal(ws.journal()), new Pipeline.Listener() { }, () -> false);

            MediaInfo info = MediaInfo.probe(ws.finalVideo());
            assertThat(info.width()).isEqualTo(1080);
            assertThat(info.height()).isEqualTo(1920);
            assertThat(info.seconds()).isBetween(28.8, 29.3);
            assertThat(info.hasAudio()).isTrue();
            List<Word> words = io.reelsmith.subtitle.WordsJson.read(ws.words());
            assertThat(words).hasSize(io.reelsmith.script.ScriptJson.read(ws.script()).spokenText().split("\\s+").length);
            Word second = words.get(1);
            assertThat(captionPixels(ws.finalVideo(), (second.start() + second.end()) / 2, dir)).isGreaterThan(200); // the spoken word, yellow, burned in
            assertThat(EmulatorFixture.billable(emulator, "image")).isEqualTo(1);
            assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);
            assertThat(EmulatorFixture.calls(emulator, "generate")).hasSize(1).allMatch(c -> c.billable() && c.referenceImages() == 1);
            assertThat(EmulatorFixture.calls(emulator, "extend")).hasSize(3).allMatch(c -> c.billable());
        }
    }

    /** Yellow pixels (the spoken-word colour) in the lower half of the frame at {@code t}. */
    static int captionPixels(Path video, double t, Path dir) throws Exception {
        Path png = dir.resolve("frame.png");
        io.reelsmith.render.Ffmpeg.command().input(video, "-ss", String.valueOf(t)).args("-frames:v", "1").output(png).run();
        BufferedImage img = ImageIO.read(png.toFile());
        int count = 0;
        for (int y = img.getHeight() / 2; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r > 200 && g > 180 && b < 80) count++;
            }
        }
        return count;
    }
}
