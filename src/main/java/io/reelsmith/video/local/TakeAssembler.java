package io.reelsmith.video.local;

import io.reelsmith.render.Ffmpeg;
import io.reelsmith.subtitle.Word;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.Take;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Joins animatic blocks into {@code take.mp4}: the video streams are copied as they are (concat demuxer,
 * no re-encode; each entry's duration is given so the next block starts on the exact frame), and the audio
 * is the blocks' WAVs joined sample for sample and encoded once — AAC clips joined directly would carry a
 * few ms of encoder padding at every cut. Words are shifted by each block's start.
 */
final class TakeAssembler {

    Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        if (blocks.isEmpty()) throw new IllegalArgumentException("no blocks to assemble");
        List<BlockClip> ordered = blocks.stream().sorted(Comparator.comparingInt(BlockClip::index)).toList();
        Files.createDirectories(dir);
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        List<Path> wavs = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        double start = 0;
        for (BlockClip b : ordered) {
            Path clip = b.file().toAbsolutePath();
            Path wav = clip.resolveSibling(b.facts().getOrDefault("audio", clip.getFileName().toString().replaceAll("\\.mp4$", ".wav")));
            if (!Files.exists(clip)) throw new IOException("block " + (b.index() + 1) + "'s clip is missing: " + clip);
            if (!Files.exists(wav)) throw new IOException("block " + (b.index() + 1) + "'s audio is missing: " + wav + " (make the block again)");
            list.append("file '").append(clip.toString().replace("'", "'\\''")).append("'\n")
                    .append(String.format(Locale.ROOT, "duration %.6f%n", b.seconds()));
            wavs.add(wav);
            for (Word w : b.words()) words.add(w.shifted(start));
            start += b.seconds();
        }
        Path listFile = dir.resolve("take.ffconcat"), takeWav = dir.resolve("take.wav"), take = dir.resolve("take.mp4");
        Files.writeString(listFile, list, StandardCharsets.UTF_8);
        try {
            WavFile.concat(wavs, takeWav);
            Ffmpeg.command().input(listFile, "-f", "concat", "-safe", "0").input(takeWav)
                    .map("0:v:0", "1:a:0").args("-c:v", "copy").aac(160).faststart().timeout(900).output(take).run();
        } finally {
            Files.deleteIfExists(takeWav);
            Files.deleteIfExists(listFile);
        }
        return new Take(take, start, words);
    }
}
