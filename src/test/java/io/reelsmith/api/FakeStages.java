package io.reelsmith.api;

import io.reelsmith.pipeline.Stages;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.offline.OfflineScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test double of a provider: a flat PNG for the character, the real offline script writer, and 1 s FFmpeg
 * clips (colour + tone) with evenly spread word times for blocks; the real renderer makes the final video.
 */
public final class FakeStages {
    public static Function<String, Stages> providers() {
        Stages s = new Stages("local", p -> png(), new OfflineScriptWriter(), new Video(), unusedTimer(), CaptionStyle.SHORTS,
                new FinalRenderer("ultrafast", 35));
        return name -> {
            if (!name.equals("local")) throw new IllegalArgumentException("unknown provider '" + name + "' (known: local)");
            return s;
        };
    }

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(90, 160, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 90, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static WordTimer unusedTimer() {
        return new WordTimer() {
            public String name() { return "unused"; }
            public List<Word> time(Path media, String knownText, String language) { throw new IllegalStateException("not used: words are exact"); }
        };
    }

    private static final class Video implements VideoMaker {
        @Override
        public BlockClip makeBlock(BlockJob job) throws IOException {
            Path out = job.dir().resolve(String.format("block-%02d.mp4", job.index() + 1));
            Ffmpeg.command().lavfi("color=c=0x3366aa:s=180x320:d=1:r=10").lavfi("sine=f=440:d=1")
                    .args("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest").output(out).run();
            String[] words = job.block().spokenText().split("\\s+");
            List<Word> timed = new ArrayList<>();
            for (int i = 0; i < words.length; i++) timed.add(new Word(words[i], i * 0.9 / words.length, (i + 1) * 0.9 / words.length));
            return new BlockClip(job.index(), out, 1.0, timed, Map.of());
        }

        @Override
        public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
            Path list = dir.resolve("concat.txt");
            StringBuilder sb = new StringBuilder();
            List<Word> words = new ArrayList<>();
            double t = 0;
            for (BlockClip b : blocks) {
                sb.append("file '").append(b.file().toAbsolutePath()).append("'\n");
                for (Word w : b.words()) words.add(new Word(w.text(), w.start() + t, w.end() + t));
                t += b.seconds();
            }
            Files.writeString(list, sb);
            Path take = dir.resolve("take.mp4");
            Ffmpeg.command().input(list, "-f", "concat", "-safe", "0").args("-c", "copy").output(take).run();
            return new Take(take, t, words);
        }
    }
}
