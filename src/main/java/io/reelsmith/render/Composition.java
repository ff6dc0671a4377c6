package io.reelsmith.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelsmith.kernel.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A take that is not encoded yet: still images (or any media) plus an FFmpeg filter graph that draws the
 * picture from them, and the take's audio. {@link FinalRenderer} encodes it once, with the subtitles, so a
 * drawn take (the animatic) costs one encode instead of one per block plus the final one.
 *
 * <p>In {@link #graph} input {@code i} is written {@code [i:v]}; it must end in the label {@link #video}.
 * Saved as {@code take.json} with paths relative to the file's folder, so a moved workspace still renders.
 */
public record Composition(List<String> inputs, String graph, String video, String audio, double seconds) {
    public static final String EXTENSION = ".json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Composition {
        inputs = List.copyOf(inputs);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeAtomically(file, JSON.writeValueAsBytes(this));
    }

    public static Composition read(Path file) throws IOException {
        return JSON.readValue(Files.readAllBytes(file), Composition.class);
    }

    public static boolean isComposition(Path take) {
        return take.getFileName().toString().endsWith(EXTENSION);
    }
}
