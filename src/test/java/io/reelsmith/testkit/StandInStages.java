package io.reelsmith.testkit;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.Word;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.offline.OfflineScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The light provider the test doubles share, named {@code local}: a flat character image, the real offline
 * script writer, the given stand-in for block clips (which know their words' times, so no word timer runs) and
 * the real renderer at its fastest settings. What the stand-ins differ in is only how a block's clip is made.
 */
public final class StandInStages {
    private StandInStages() {}

    public static Stages around(VideoMaker blocks) {
        return new Stages(
                "local",
                profile -> characterPng(),
                new OfflineScriptWriter(),
                blocks,
                unusedTimer(),
                CaptionStyle.SHORTS,
                new FinalRenderer("ultrafast", 35),
                DriftGuard.POSTER_ONLY,
                null);
    }

    /** A flat orange 90x160 PNG: a character image that any image check accepts. */
    public static byte[] characterPng() {
        BufferedImage img = new BufferedImage(90, 160, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 90, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /** The block's spoken words, spread evenly over the first 90% of a clip {@code seconds} long. */
    public static List<Word> spreadWords(String spokenText, double seconds) {
        String[] words = spokenText.split("\\s+");
        List<Word> timed = new ArrayList<>();
        double span = 0.9 * seconds;
        for (int i = 0; i < words.length; i++)
            timed.add(new Word(words[i], i * span / words.length, (i + 1) * span / words.length));
        return timed;
    }

    /** The clips joined end to end without re-encoding, their words shifted to the take's time. */
    public static Take concat(List<BlockClip> blocks, Path dir) throws IOException {
        StringBuilder list = new StringBuilder();
        List<Word> words = new ArrayList<>();
        double t = 0;
        for (BlockClip b : blocks) {
            list.append("file '").append(b.file().toAbsolutePath()).append("'\n");
            for (Word w : b.words()) words.add(w.shifted(t));
            t += b.seconds();
        }
        Path listFile = dir.resolve("concat.txt");
        AtomicFiles.writeAtomically(listFile, list.toString());
        Path take = dir.resolve("take.mp4");
        Ffmpeg.command()
                .input(listFile, "-f", "concat", "-safe", "0")
                .args("-c", "copy")
                .output(take)
                .run();
        return new Take(take, t, words);
    }

    private static WordTimer unusedTimer() {
        return new WordTimer() {
            public String name() {
                return "unused";
            }

            public List<Word> time(Path media, String knownText, String language) {
                throw new IllegalStateException("not used: the blocks give word times");
            }
        };
    }
}
