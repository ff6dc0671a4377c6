package io.reelsmith.web;

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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The "local" provider as the browser test runs it: the real offline script writer, real subtitles and the
 * real final renderer, but 2 s FFmpeg clips (colour + tone, evenly spread word times) instead of the full
 * animatic, so the whole browser flow stays well under a minute on two shared cores. The browser test is
 * about the web UI; the provider's own tests cover the animatic. A block whose dialogue contains
 * {@link #FAIL_ONCE} fails on its first try in each video, as a provider outage would.
 */
final class QuickLocalStages {
    private static final double CLIP_SECONDS = 2.0;
    private static final String[] COLOURS = {"0x5b3df5", "0x157a3c", "0xb42318", "0x8a5a00"};
    static final String FAIL_ONCE = "thunderstorm";
    static final String OUTAGE = "simulated provider outage";
    private static final java.util.Set<Path> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private QuickLocalStages() { }

    static Function<String, Stages> providers() {
        Stages local = new Stages("local", profile -> TestImages.portrait(new java.awt.Color(0xf2c94c)), new OfflineScriptWriter(),
                new Clips(), exactWordsOnly(), CaptionStyle.SHORTS, new FinalRenderer("ultrafast", 35));
        return name -> {
            if (!name.equals("local")) throw new IllegalArgumentException("unknown provider '" + name + "' (known: local)");
            return local;
        };
    }

    /** The clips bring exact word times, so no recogniser is ever asked. */
    private static WordTimer exactWordsOnly() {
        return new WordTimer() {
            public String name() { return "exact"; }
            public List<Word> time(Path media, String knownText, String language) {
                throw new IllegalStateException("not used: the clips carry exact word times");
            }
        };
    }

    private static final class Clips implements VideoMaker {
        @Override
        public BlockClip makeBlock(BlockJob job) throws IOException {
            Path out = job.dir().resolve(String.format("block-%02d.mp4", job.index() + 1));
            if (job.block().spokenText().contains(FAIL_ONCE) && failedOnce.add(out)) throw new IOException(OUTAGE);
            String colour = COLOURS[job.index() % COLOURS.length];
            Ffmpeg.command().lavfi("color=c=" + colour + ":s=180x320:d=" + CLIP_SECONDS + ":r=10")
                    .lavfi("sine=f=" + (330 + 110 * job.index()) + ":d=" + CLIP_SECONDS)
                    .args("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest").output(out).run();
            String[] words = job.block().spokenText().split("\\s+");
            double span = CLIP_SECONDS * 0.9;
            List<Word> timed = new ArrayList<>();
            for (int i = 0; i < words.length; i++) timed.add(new Word(words[i], i * span / words.length, (i + 1) * span / words.length));
            return new BlockClip(job.index(), out, CLIP_SECONDS, timed, Map.of());
        }

        @Override
        public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
            Path list = dir.resolve("concat.txt");
            StringBuilder files = new StringBuilder();
            List<Word> words = new ArrayList<>();
            double t = 0;
            for (BlockClip b : blocks) {
                files.append("file '").append(b.file().toAbsolutePath()).append("'\n");
                for (Word w : b.words()) words.add(new Word(w.text(), w.start() + t, w.end() + t));
                t += b.seconds();
            }
            Files.writeString(list, files);
            Path take = dir.resolve("take.mp4");
            Ffmpeg.command().input(list, "-f", "concat", "-safe", "0").args("-c", "copy").output(take).run();
            return new Take(take, t, words);
        }
    }
}
