package io.reelsmith.harness;

import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.Ffmpeg;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.script.OfflineScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.Word;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A light provider for the cluster harness, named {@code local}: each block waits {@code blockLatency} (a
 * stand-in for a remote generation such as Veo's) and then makes a 1 s 180x320 clip; the script is the real
 * offline writer and the render the real renderer at its fastest settings. Light on purpose: tests and
 * {@code bench orchestration} measure the service around the steps, on 2 cores, not the media work.
 */
final class QuickStages {
    private QuickStages() { }

    static Stages create(Duration blockLatency) {
        return new Stages("local", profile -> png(), new OfflineScriptWriter(), new Blocks(blockLatency), noTimer(),
                CaptionStyle.SHORTS, new FinalRenderer("ultrafast", 35));
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(90, 160, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 90, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static WordTimer noTimer() {
        return new WordTimer() {
            public String name() {
                return "none";
            }

            public List<Word> time(Path media, String knownText, String language) {
                throw new IllegalStateException("not used: the blocks give word times");
            }
        };
    }

    private record Blocks(Duration latency) implements VideoMaker {
        @Override
        public BlockClip makeBlock(BlockJob job) throws IOException {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            Path out = job.dir().resolve(String.format("block-%02d.mp4", job.index() + 1));
            Ffmpeg.command().lavfi("color=c=0x3366aa:s=180x320:d=1:r=10").lavfi("sine=f=440:d=1")
                    .h264("ultrafast", 35).aac(64).args("-shortest").output(out).run();
            String[] words = job.block().spokenText().split("\\s+");
            List<Word> timed = new ArrayList<>();
            for (int i = 0; i < words.length; i++) timed.add(new Word(words[i], i * 0.9 / words.length, (i + 1) * 0.9 / words.length));
            return new BlockClip(job.index(), out, 1.0, timed, Map.of());
        }

        @Override
        public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
            StringBuilder list = new StringBuilder();
            List<Word> words = new ArrayList<>();
            double t = 0;
            for (BlockClip b : blocks) {
                list.append("file '").append(b.file().toAbsolutePath()).append("'\n");
                for (Word w : b.words()) words.add(w.shifted(t));
                t += b.seconds();
            }
            Path listFile = dir.resolve("concat.txt");
            io.reelsmith.storage.Files2.writeAtomically(listFile, list.toString());
            Path take = dir.resolve("take.mp4");
            Ffmpeg.command().input(listFile, "-f", "concat", "-safe", "0").args("-c", "copy").output(take).run();
            return new Take(take, t, words);
        }
    }
}
