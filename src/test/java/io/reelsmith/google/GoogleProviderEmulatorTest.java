package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.Take;
import io.reelsmith.video.veo.VeoMaker;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real SDK (1.80.0, API-key mode) against the emulator: image, script, a 4-block extension chain. */
class GoogleProviderEmulatorTest {
    @RegisterExtension
    static final GoogleEmulatorExtension gemini = new GoogleEmulatorExtension();

    @Test
    void imageScriptAndFourBlockExtensionChain(@TempDir Path dir) throws Exception {
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        GoogleConfig config = gemini.config();
        try (GoogleProvider google = new GoogleProvider(config, ledger.forJob("job-1", "ann"))) {
            CharacterProfile nano = new CharacterProfile("Nano", "a cute cartoon banana with sunglasses", "cartoon");
            byte[] png = google.characterImages().create(nano);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getHeight() * 9).isEqualTo(img.getWidth() * 16);
            Path character = Files.write(dir.resolve("character.png"), png);

            Script script =
                    google.scriptWriter().write(new ScriptRequest("a treasure hunt in the park", nano, 4, "en"));
            assertThat(script.validated().blocks()).hasSize(4);
            assertThat(script.speakers()).contains("Nano");

            List<BlockClip> clips =
                    EmulatorFixture.makeBlocks(google.videoMaker(), script, character, dir, new ArrayList<>(), 4);
            // each block keeps its own seconds; Google's answers are the whole video so far: 8, 15, 22, 29 s
            assertThat(clips)
                    .extracting(BlockClip::seconds)
                    .satisfiesExactly(
                            s -> assertThat(s).isBetween(7.8, 8.3),
                                    s -> assertThat(s).isBetween(6.8, 7.3),
                            s -> assertThat(s).isBetween(6.8, 7.3),
                                    s -> assertThat(s).isBetween(6.8, 7.3));
            assertThat(clips)
                    .extracting(c -> Double.parseDouble(c.facts().get(VeoMaker.FACT_ANSWER_SECONDS)))
                    .containsExactly(8.0, 15.0, 22.0, 29.0);
            Take take = google.videoMaker().assemble(clips, dir);
            MediaInfo info = MediaInfo.probe(take.file());
            assertThat(info.seconds()).isBetween(28.8, 29.3);
            assertThat(info.hasAudio()).isTrue();
            assertThat(info.height()).isEqualTo(320);
            assertThat(MediaInfo.meanVolumeDb(take.file())).isGreaterThan(-40); // speech over the bed, not silence
        }
        assertThat(gemini.billable("image")).isEqualTo(1);
        assertThat(gemini.billable("text")).isEqualTo(1);
        List<CallLog.Call> generates = gemini.calls("generate");
        assertThat(generates).hasSize(1);
        assertThat(generates.get(0).referenceImages()).isEqualTo(1);
        assertThat(generates.get(0).seconds()).isEqualTo(8);
        assertThat(gemini.calls("extend")).hasSize(3).allMatch(c -> c.billable() && c.seconds() == 7);
        assertThat(ledger.entries("job-1"))
                .extracting(SpendEntry::step)
                .containsExactlyInAnyOrder("character", "script", "block-1", "block-2", "block-3", "block-4");
        assertThat(ledger.spentBy("ann"))
                .isEqualByComparingTo("11.6798"); // 0.067 image + 0.0128 script + 29 s x 0.40 (catalogue prices)
    }

    @Test
    void interpolationModeMakesEachBlockBetweenFramesDrawnFromTheCharacter(@TempDir Path dir) throws Exception {
        GoogleConfig config = gemini.config().withVideoMode(VideoMode.INTERPOLATE);
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        try (GoogleProvider google = new GoogleProvider(config, ledger.forJob("job-2", "bob"))) {
            CharacterProfile nano = new CharacterProfile("Nano", "a banana", null);
            Path character = Files.write(
                    dir.resolve("character.png"), google.characterImages().create(nano));
            Script script = google.scriptWriter().write(new ScriptRequest("une chasse au trésor", nano, 2, "fr"));
            assertThat(script.language()).isEqualTo("fr");
            List<BlockClip> clips =
                    EmulatorFixture.makeBlocks(google.videoMaker(), script, character, dir, new ArrayList<>(), 2);
            assertThat(clips)
                    .hasSize(2)
                    .allSatisfy(clip -> assertThat(clip.seconds()).isBetween(7.8, 8.3));
            Take take = google.videoMaker().assemble(clips, dir);
            assertThat(MediaInfo.probe(take.file()).seconds()).isBetween(15.8, 16.4);
        }
        assertThat(gemini.billable("image")).isEqualTo(1 + 3); // character + frames 0, 1, 2
        assertThat(gemini.calls("interpolate")).hasSize(2).allMatch(c -> c.billable() && c.seconds() == 8);
        assertThat(gemini.calls("generate")).isEmpty();
        assertThat(ledger.entries("job-2"))
                .extracting(SpendEntry::step)
                .contains("frame-0", "frame-1", "frame-2", "block-1", "block-2");
    }
}
