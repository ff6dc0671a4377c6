package io.reelsmith.video.animatic;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.TextToSpeech;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A block with a cast of two: both characters drawn from their own images, each with a voice of its own. */
class AnimaticCastTest {
    @TempDir
    Path dir;

    @Test
    void bothCastMembersAreDrawnAndEachSpeaksWithItsOwnStableVoice() throws Exception {
        Path nano = square(Color.MAGENTA, "nano.png"), mira = square(Color.GREEN, "mira.png");
        // Mira speaks first: voices follow the cast's order (Nano is the lead), not the order of the lines
        Script script = new Script(
                        "Cast",
                        "en",
                        List.of(new Block(
                                1,
                                List.of(
                                        new DialogueLine("Mira", "Where did you hide the map?"),
                                        new DialogueLine("Nano", "Under the old bench!"),
                                        new DialogueLine("Mira", "Then let us go.")),
                                "Nano and Mira in a dusty old library",
                                "wind")))
                .validatedFor(List.of("Nano", "Mira"));
        Map<String, List<String>> voices = new LinkedHashMap<>(); // speaker → espeak voices its lines were spoken with
        List<String> spoken = new ArrayList<>();
        TextToSpeech espeak = Espeak.get();
        TextToSpeech recording = (text, voice, out) -> {
            spoken.add(voice.espeakName());
            return espeak.speak(text, voice, out);
        };
        AnimaticMaker maker = new AnimaticMaker(recording);
        BlockJob job = new BlockJob(
                script,
                0,
                List.of(new BlockJob.Member("Nano", nano), new BlockJob.Member("Mira", mira)),
                null,
                dir.resolve("blocks"),
                Checkpoint.NONE);
        BlockClip clip = maker.makeBlock(job);
        List<DialogueLine> lines = script.blocks().get(0).dialogue();
        for (int i = 0; i < lines.size(); i++)
            voices.computeIfAbsent(lines.get(i).speaker(), k -> new ArrayList<>())
                    .add(spoken.get(i));

        assertThat(voices.get("Nano"))
                .as("Nano, the lead, speaks with the first voice")
                .containsOnly("en-us+m3");
        assertThat(voices.get("Mira"))
                .as("Mira keeps one voice of her own")
                .hasSize(2)
                .containsOnly("en-us+f2");

        Path video = dir.resolve("final.mp4");
        new FinalRenderer("ultrafast", 28)
                .render(maker.assemble(List.of(clip), dir).file(), null, video);
        Path png = dir.resolve("frame.png");
        Ffmpeg.command()
                .input(video, "-ss", "1.0")
                .args("-frames:v", "1")
                .output(png)
                .run();
        BufferedImage frame = ImageIO.read(png.toFile());
        // the lead stands in the middle, the second character (with its name tag under it) in the front right corner
        assertThat(share(frame, 300, 900, 700, 1300, AnimaticCastTest::magenta))
                .as("Nano drawn in the middle")
                .isGreaterThan(0.5);
        assertThat(share(frame, 720, 1400, 1000, 1650, AnimaticCastTest::green))
                .as("Mira drawn in the right corner")
                .isGreaterThan(0.5);
        assertThat(share(frame, 0, 0, 600, 1920, AnimaticCastTest::green))
                .as("not on the left half")
                .isLessThan(0.01);
    }

    private Path square(Color color, String name) throws Exception {
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 400, 400);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static boolean magenta(int r, int g, int b) {
        return r > 200 && b > 200 && g < 90;
    }

    private static boolean green(int r, int g, int b) {
        return g > 200 && r < 90 && b < 90;
    }

    private interface Rgb {
        boolean test(int r, int g, int b);
    }

    /** The share of the rectangle's pixels that {@code colour} accepts. */
    private static double share(BufferedImage img, int x0, int y0, int x1, int y1, Rgb colour) {
        int hits = 0, all = 0;
        for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                int p = img.getRGB(x, y);
                if (colour.test((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff)) hits++;
                all++;
            }
        }
        return hits / (double) all;
    }
}
