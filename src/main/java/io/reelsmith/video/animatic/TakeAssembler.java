package io.reelsmith.video.animatic;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Word;
import io.reelsmith.render.Composition;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.Take;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins animatic blocks into the take without encoding anything: {@code take.json}, a {@link Composition}
 * whose graph is every block's segment (inputs numbered in order of first use) followed by {@code concat}, and
 * {@code take.wav}, the blocks' WAVs joined sample for sample. The render stage draws and encodes it once.
 * Words are shifted by each block's start. An image several blocks use (the sprite sheets, the shadow, a weather
 * tile) is one input, read and decoded once, that each block's segment takes from: FFmpeg feeds one decoded input to
 * every chain that names it (8 blocks decoded their sheets 8 times: ≈ 0.5 CPU s of 57 s of video).
 */
final class TakeAssembler {
    static final String VIDEO_LABEL = "take";

    Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        if (blocks.isEmpty()) throw new IllegalArgumentException("no blocks to assemble");
        List<BlockClip> ordered = blocks.stream()
                .sorted(Comparator.comparingInt(BlockClip::index))
                .toList();
        Files.createDirectories(dir);
        Path base = dir.toAbsolutePath().normalize();
        List<String> inputs = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        List<Path> wavs = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        StringBuilder graph = new StringBuilder(), concat = new StringBuilder();
        double start = 0;
        for (BlockClip b : ordered) {
            Path segmentFile = b.file().toAbsolutePath().normalize();
            Path wav = segmentFile.resolveSibling(b.facts()
                    .getOrDefault("audio", segmentFile.getFileName().toString().replaceAll("\\.json$", ".wav")));
            if (!Files.exists(segmentFile))
                throw new IOException("block " + (b.index() + 1) + "'s picture is missing: " + segmentFile
                        + " (make the block again)");
            if (!Files.exists(wav))
                throw new IOException(
                        "block " + (b.index() + 1) + "'s audio is missing: " + wav + " (make the block again)");
            BlockSegment segment = BlockSegment.read(segmentFile);
            String g = segment.graph();
            for (int i = 0; i < segment.inputs().size(); i++) {
                Path input = segmentFile.resolveSibling(segment.inputs().get(i));
                if (!Files.exists(input))
                    throw new IOException(
                            "block " + (b.index() + 1) + "'s image is missing: " + input + " (make the block again)");
                String name = base.relativize(input).toString();
                int number = numbers.computeIfAbsent(name, n -> {
                    inputs.add(n);
                    return inputs.size() - 1;
                });
                g = g.replace(BlockGraph.in(segment.output(), i), "[" + number + ":v]");
            }
            graph.append(g).append(";");
            concat.append("[").append(segment.output()).append("]");
            wavs.add(wav);
            for (Word w : b.words()) words.add(w.shifted(start));
            start += b.seconds();
        }
        graph.append(concat)
                .append("concat=n=")
                .append(ordered.size())
                .append(":v=1:a=0[")
                .append(VIDEO_LABEL)
                .append("]");
        Path takeWav = dir.resolve("take.wav"), take = dir.resolve("take" + Composition.EXTENSION);
        // Written aside and moved: the render reads take.wav, a crash must not leave half of it under that name.
        Path partial = dir.resolve(".take.wav.part");
        WavFile.concat(wavs, partial);
        AtomicFiles.moveAtomically(partial, takeWav);
        new Composition(
                        inputs,
                        graph.toString(),
                        VIDEO_LABEL,
                        base.relativize(takeWav.toAbsolutePath().normalize()).toString(),
                        start)
                .write(take);
        return new Take(take, start, words);
    }
}
