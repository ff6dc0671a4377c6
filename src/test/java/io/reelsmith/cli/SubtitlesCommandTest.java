package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.subtitle.WordsJson;
import io.reelsmith.testkit.SpokenVideo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubtitlesCommandTest {
    private static final String SAID = "Hello there, Kwirlo! Branxtella found the map.";

    @Test
    void alignsAVideoToItsTextAndBurnsTheSubtitles(@TempDir Path dir) throws Exception {
        SpokenVideo spoken = SpokenVideo.make(SAID, 2, "c=0x336699:s=360x640:r=25", dir);
        Speech speech = spoken.speech();
        Path video = spoken.file();
        Path text = Files.writeString(dir.resolve("said.txt"), SAID);
        Path out = dir.resolve("out");

        int exit = Main.run(
                new PrintWriter(new StringWriter()),
                "subtitles",
                "--input",
                video.toString(),
                "--text",
                text.toString(),
                "--style",
                "plain",
                "--colour",
                "#FFE500",
                "--position",
                "middle",
                "--burn",
                "--out",
                out.toString());

        assertThat(exit).isZero();
        List<Word> words = WordsJson.read(out.resolve("words.json"));
        assertThat(words).extracting(Word::text).containsExactly(SAID.split(" "));
        for (int i = 0; i < words.size(); i++) {
            assertThat(Math.abs(words.get(i).start() - speech.words().get(i).start()))
                    .as(words.get(i).text())
                    .isLessThan(0.1);
        }
        assertThat(Files.readString(out.resolve("subtitles.ass")))
                .contains("Kwirlo!")
                .contains("&H0000E5FF");
        assertThat(Files.readString(out.resolve("subtitles.srt"))).contains("Branxtella");
        assertThat(Files.readString(out.resolve("subtitles.vtt"))).startsWith("WEBVTT");
        MediaInfo rendered = MediaInfo.probe(out.resolve("final.mp4"));
        assertThat(rendered.width()).isEqualTo(1080);
        assertThat(rendered.height()).isEqualTo(1920);
        assertThat(rendered.hasAudio()).isTrue();
        assertThat(new ObjectMapper()
                        .readTree(out.resolve("manifest.json").toFile())
                        .path("wordTimer")
                        .asText())
                .isEqualTo("pocketsphinx-align");
    }

    @Test
    void badInputIsOneReadableLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();

        int exit = Main.run(
                new PrintWriter(err, true),
                "subtitles",
                "--input",
                dir.resolve("missing.mp4").toString(),
                "--out",
                dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no such input file").contains("missing.mp4");
        assertThat(dir.resolve("final.mp4")).doesNotExist();
    }

    @Test
    void anAudioFileCannotBeBurned(@TempDir Path dir) throws Exception {
        Speech speech = Espeak.get().speak(SAID, Voice.forSpeaker("en", 0), dir.resolve("speech.wav"));
        StringWriter err = new StringWriter();

        int exit = Main.run(
                new PrintWriter(err, true),
                "subtitles",
                "--input",
                speech.wav().toString(),
                "--burn",
                "--out",
                dir.resolve("o").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("--burn needs a video");
    }
}
