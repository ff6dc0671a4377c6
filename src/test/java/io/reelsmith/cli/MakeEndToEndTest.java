package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.render.PublishCheck;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.subtitle.WordsJson;
import io.reelsmith.testkit.Printed;
import io.reelsmith.testkit.VideoFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole offline pipeline through the CLI, checked the way a viewer would: probe it, look at it. */
class MakeEndToEndTest {
    @Test
    void twoBlockEnglishVideo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        // two blocks: the first clip and a continuation of the same take, each joined and captioned (more are only
        // longer)
        int code = Main.run(
                "make", "--theme", "a rainy day in the city", "--blocks", "2", "--lang", "en", "--out", out.toString());
        assertThat(code).isZero();
        List<String> files = new ArrayList<>(VideoFiles.SERVED);
        files.addAll(List.of("character.png", "manifest.json"));
        for (String f : files) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        Script script = ScriptJson.read(out.resolve("script.json"));
        assertThat(script.blocks()).hasSize(2);
        MediaInfo m = MediaInfo.probe(out.resolve("final.mp4"));
        assertThat(m.width()).isEqualTo(1080);
        assertThat(m.height()).isEqualTo(1920);
        assertThat(m.videoCodec()).isEqualTo("h264");
        assertThat(m.pixelFormat()).isEqualTo("yuv420p");
        assertThat(m.audioCodec()).isEqualTo("aac");
        assertThat(m.seconds()).isBetween(script.plannedSeconds() * 0.9, script.plannedSeconds() * 1.1);
        assertThat(MediaInfo.meanVolumeDb(out.resolve("final.mp4"))).isGreaterThan(-35.0);
        assertThat(PublishCheck.problems(out.resolve("final.mp4")))
                .as("publishable on TikTok, Reels, Shorts")
                .isEmpty();

        // words.json: every spoken word of the script, in order, times increasing and inside the audio.
        List<Word> words = WordsJson.read(out.resolve("words.json"));
        assertThat(String.join(" ", words.stream().map(Word::text).toList())).isEqualTo(script.spokenText());
        for (int i = 1; i < words.size(); i++)
            assertThat(words.get(i).start()).isGreaterThan(words.get(i - 1).start());
        assertThat(words.get(words.size() - 1).end()).isLessThanOrEqualTo(m.seconds());

        // The ASS has one \k per spoken word, the same words.
        String ass = Files.readString(out.resolve("subtitles.ass"));
        assertThat(Pattern.compile("\\\\k\\d+").matcher(ass).results().count()).isEqualTo(words.size());

        // manifest.json tells what was made.
        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("provider").asText()).isEqualTo("local");
        assertThat(manifest.path("cost").path("spent").asDouble()).isZero();
        assertThat(manifest.path("wordTimer").asText()).isEqualTo("tts-events");
        assertThat(manifest.path("stages").path("block-2").path("status").asText())
                .isEqualTo("done");

        // Burned-in captions: at a caption's mid-time the caption region differs from the same frame without subtitles.
        Word w = words.get(words.size() / 2);
        double t = (w.start() + w.end()) / 2;
        JsonNode journal = new ObjectMapper()
                .readTree(out.resolve(".reelsmith/journal.json").toFile());
        Path take = out.resolve(journal.path("steps")
                .path("subtitles")
                .path("outputs")
                .path("take")
                .asText());
        Path with = frame(out.resolve("final.mp4"), null, t, dir.resolve("with.png"));
        Path plain = dir.resolve("plain").resolve("final.mp4");
        new FinalRenderer("ultrafast", 23).render(take, null, plain); // the same take, no subtitles
        Path without = frame(plain, null, t, dir.resolve("without.png"));
        assertThat(captionRegionDifference(with, without))
                .as("share of caption-band pixels changed by the subtitles")
                .isGreaterThan(0.01);

        // Running again with the same request reuses everything: nothing is made twice.
        long before = Files.getLastModifiedTime(out.resolve("final.mp4")).toMillis();
        assertThat(Main.run(
                        "make",
                        "--theme",
                        "a rainy day in the city",
                        "--blocks",
                        "2",
                        "--lang",
                        "en",
                        "--out",
                        out.toString()))
                .isZero();
        assertThat(Files.getLastModifiedTime(out.resolve("final.mp4")).toMillis())
                .isEqualTo(before);
    }

    @Test
    void frenchVideoWithAccents(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fr");
        Printed made = Printed.by(() -> Main.run(
                "make",
                "--theme",
                "la forêt enchantée",
                "--blocks",
                "1",
                "--lang",
                "fr",
                "--json-progress",
                "--character-name",
                "Zoé",
                "--character-description",
                "une renarde rousse avec un chapeau vert",
                "--out",
                out.toString()));
        assertThat(made.code()).isZero();
        // --json-progress: stdout is JSON lines only, one per step event, then "done".
        List<JsonNode> events = new ArrayList<>();
        for (String line : made.out().lines().toList()) events.add(new ObjectMapper().readTree(line));
        assertThat(events).hasSize(2 * 5 + 1);
        assertThat(events.get(0).path("event").asText()).isEqualTo("step-started");
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.path("event").asText()).isEqualTo("done");
        assertThat(done.path("file").asText()).endsWith("final.mp4");
        assertThat(done.path("cover").asText()).endsWith("cover.jpg");
        MediaInfo m = MediaInfo.probe(out.resolve("final.mp4"));
        assertThat(m.width()).isEqualTo(1080);
        assertThat(m.height()).isEqualTo(1920);
        assertThat(m.hasAudio()).isTrue();
        List<Word> words = WordsJson.read(out.resolve("words.json"));
        assertThat(words).extracting(Word::text).contains("forêt");
        assertThat(Files.readString(out.resolve("subtitles.srt"))).contains("forêt");
    }

    static Path frame(Path video, String graph, double t, Path png) throws Exception {
        Ffmpeg cmd = Ffmpeg.command().input(video);
        if (graph != null) cmd.videoFilter(graph);
        cmd.args("-ss", String.format(Locale.ROOT, "%.3f", t), "-frames:v", "1")
                .output(png)
                .run();
        return png;
    }

    /** Share of pixels in the lower-third caption band whose luma differs by more than 48 (of 255). */
    static double captionRegionDifference(Path a, Path b) throws Exception {
        BufferedImage x = ImageIO.read(a.toFile()), y = ImageIO.read(b.toFile());
        assertThat(x.getWidth()).isEqualTo(y.getWidth());
        long sum = 0, n = 0;
        for (int py = (int) (x.getHeight() * 0.60); py < (int) (x.getHeight() * 0.80); py += 2) {
            for (int px = 0; px < x.getWidth(); px += 2) {
                if (Math.abs(luma(x.getRGB(px, py)) - luma(y.getRGB(px, py))) > 48) sum++;
                n++;
            }
        }
        return sum / (double) n;
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 255) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1000;
    }
}
