package io.reelsmith.video.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.speech.Espeak;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap parts of the animatic, without encoding video: keywords, painting, sound recipes, the speech track. */
class SceneAndSoundTest {
    @Test
    void visualKeywordsPickThePlaceNamedLastAndTheLight() {
        assertThat(Scene.of("Nano (a banana) waves at the camera in a misty forest path at dawn", "", 1))
                .satisfies(s -> {
                    assertThat(s.setting()).isEqualTo(Scene.Setting.FOREST);
                    assertThat(s.fog()).isTrue();
                    assertThat(s.sunset()).isTrue();
                });
        assertThat(Scene.of("a busy city street at night with neon signs", "light rain", 1))
                .satisfies(s -> {
                    assertThat(s.setting()).isEqualTo(Scene.Setting.CITY);
                    assertThat(s.night()).isTrue();
                    assertThat(s.rain()).isTrue();
                });
        assertThat(Scene.of("Nano cherche dans une vieille bibliothèque poussiéreuse", "", 1)
                        .setting())
                .isEqualTo(Scene.Setting.LIBRARY);
        assertThat(Scene.of("Nano smiles", "waves and seagulls", 1).setting()).isEqualTo(Scene.Setting.BEACH);
        assertThat(Scene.of("Nano smiles", "", 1).setting()).isEqualTo(Scene.Setting.MEADOW);
    }

    @Test
    void theCharacterImageGoesToTheSpeakerTheVisualsName() {
        Script s = new Script(
                "t",
                "en",
                List.of(new Block(
                        1,
                        List.of(new DialogueLine("Narrator", "Once upon a time."), new DialogueLine("Nano", "Hi!")),
                        "Nano waves, Narrator unseen",
                        "")));
        assertThat(AnimaticMaker.leadSpeaker(s)).isEqualTo(1);
        Script none =
                new Script("t", "en", List.of(new Block(1, List.of(new DialogueLine("Ana", "Hi!")), "a beach", "")));
        assertThat(AnimaticMaker.leadSpeaker(none)).isZero();
    }

    @Test
    void differentPlacesPaintDifferentBackgrounds() {
        ScenePainter painter = new ScenePainter();
        BufferedImage library = painter.paint(Scene.of("a library", "", 7)),
                beach = painter.paint(Scene.of("a beach", "", 7));
        assertThat(library.getWidth()).isEqualTo(ScenePainter.WIDTH);
        assertThat(library.getHeight()).isEqualTo(ScenePainter.HEIGHT);
        // The beach's sky is blue at the top; the library's wall is brown.
        int sky = beach.getRGB(450, 300), wall = library.getRGB(450, 60);
        assertThat(sky & 0xff).isGreaterThan((sky >> 16) & 0xff);
        assertThat((wall >> 16) & 0xff).isGreaterThan(wall & 0xff);
    }

    @Test
    void soundLinesBecomeLayersAndEveryRecipeRunsInFfmpeg(@TempDir Path dir) throws Exception {
        assertThat(SoundBed.layers("creaking wooden floorboards, wind through broken windows", 1))
                .extracting(SoundBed.Layer::name)
                .containsExactly("wind", "creak");
        assertThat(SoundBed.layers("vagues et mouettes", 1))
                .extracting(SoundBed.Layer::name)
                .containsExactly("waves", "birds");
        assertThat(SoundBed.layers("", 1)).extracting(SoundBed.Layer::name).containsExactly("room tone", "soft pad");
        // Every recipe at once: a typo in any expression fails here, not in a user's render.
        List<SoundBed.Layer> all = SoundBed.layers(
                "wind rain waves leaves footsteps knock creak hum music birds fire thunder crowd traffic "
                        + "bubbling clink drip beep",
                0.5);
        assertThat(all).hasSize(18);
        Ffmpeg cmd = Ffmpeg.command();
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            cmd.lavfi(all.get(i).source());
            graph.append("[").append(i).append(":a]");
        }
        Path out = dir.resolve("all.wav");
        cmd.filterComplex(graph + "amix=inputs=" + all.size() + ":normalize=0[a]")
                .map("[a]")
                .output(out)
                .run();
        assertThat(MediaInfo.probe(out).seconds()).isBetween(0.45, 0.6);
        assertThat(MediaInfo.meanVolumeDb(out)).isBetween(-45.0, -15.0);
    }

    @Test
    void speechTrackPlacesLinesOneAfterAnotherWithTheLineTextAsWords(@TempDir Path dir) throws Exception {
        Block block = new Block(
                1,
                List.of(
                        new DialogueLine("Nano", "Où est la carte du trésor ?"),
                        new DialogueLine("Pipo", "Ici, regarde !")),
                "une plage",
                "vagues");
        SpeechTrack t = SpeechTrack.speak(
                block, List.of("Nano", "Pipo"), "fr", Espeak.get(), dir.resolve("work"), dir.resolve("speech.wav"));
        assertThat(t.turns()).hasSize(2);
        assertThat(t.turns().get(0).speaker()).isZero();
        assertThat(t.turns().get(1).speaker()).isEqualTo(1);
        assertThat(t.turns().get(0).start()).isCloseTo(SpeechTrack.LEAD_IN, Assertions.within(0.001));
        assertThat(t.turns().get(1).start())
                .isGreaterThanOrEqualTo(t.turns().get(0).end() + SpeechTrack.SPEAKER_CHANGE_PAUSE - 0.001);
        assertThat(t.words())
                .extracting(Word::text)
                .containsExactly("Où", "est", "la", "carte", "du", "trésor ?", "Ici,", "regarde !");
        assertThat(t.speechEnd()).isLessThanOrEqualTo(t.seconds());
        assertThat(WavFile.read(t.wav()).seconds()).isEqualTo(t.seconds());
    }
}
