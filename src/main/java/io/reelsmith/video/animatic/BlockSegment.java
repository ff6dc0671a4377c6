package io.reelsmith.video.animatic;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished animatic block leaves instead of an encoded clip: its frame count, its still inputs
 * (file names in the block folder: background, sprite sheets, shadow, weather tile) and the filter graph
 * segment that draws it ({@link BlockGraph#segment}), ending in {@code [output]}. Saved as
 * {@code block-NN.json}; with {@code block-NN.wav} it is everything the final render needs from the block.
 */
record BlockSegment(int frames, List<String> inputs, String graph, String output) {
    private static final ObjectMapper JSON = new ObjectMapper();

    BlockSegment {
        inputs = List.copyOf(inputs);
    }

    void write(Path file) throws IOException {
        AtomicFiles.writeAtomically(file, JSON.writeValueAsBytes(this));
    }

    /** Draws the block's first frame at {@code width}x{@code height} into {@code png}; inputs are found in {@code dir}. */
    void drawFirstFrame(Path dir, int width, int height, Path png) throws IOException {
        Ffmpeg f = Ffmpeg.command().label("block first frame");
        String g = graph;
        for (int i = 0; i < inputs.size(); i++) {
            f.input(dir.resolve(inputs.get(i)));
            g = g.replace(BlockGraph.in(output, i), "[" + i + ":v]");
        }
        f.filterComplex(g + ";[" + output + "]trim=end_frame=1,scale=" + width + ":" + height + "[still]")
                .map("[still]")
                .args("-frames:v", "1")
                .output(png)
                .run();
    }

    static BlockSegment read(Path file) throws IOException {
        return JSON.readValue(Files.readAllBytes(file), BlockSegment.class);
    }
}
