package io.reelsmith.video.animatic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ambience under the dialogue, synthesised with FFmpeg's audio sources from the block's sound line:
 * wind, rain and waves are filtered noise, footsteps and knocks are decaying pulses, hums and music are
 * soft tones. Each layer is a complete lavfi source (48 kHz mono, already at its level, well below speech).
 * With no known keyword the block still gets a quiet room tone and a soft pad, never dead silence.
 */
final class SoundBed {
    static final int RATE = 48000;

    /** A named layer and its lavfi source graph. */
    record Layer(String name, String source) {}

    private record Recipe(String name, List<String> keywords, String graph) {}

    // Each graph leaves its duration as %1$s, filled in per block.
    private static final List<Recipe> RECIPES = read("/animatic/sound-beds.tsv");

    private static final Recipe ROOM_TONE =
            new Recipe("room tone", List.of(), noise("pink", 0.3, "lowpass=f=500,volume=-23dB"));
    private static final Recipe PAD = new Recipe(
            "soft pad",
            List.of(),
            wave(
                    "0.2*sin(2*PI*220*t)+0.15*sin(2*PI*277.18*t)+0.12*sin(2*PI*329.63*t)",
                    "tremolo=f=0.25:d=0.5,volume=-28dB"));

    private SoundBed() {}

    /** The recipes a resource lists, a layer a line (the file's header says how). */
    private static List<Recipe> read(String resource) {
        try (InputStream in = SoundBed.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the sound beds are missing: " + resource);
            List<Recipe> recipes = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                String[] source = f[2].split(" ", 3);
                String graph = source[0].equals("noise")
                        ? noise(source[1], Double.parseDouble(source[2]), f[3])
                        : wave(f[2].substring("wave ".length()), f[3]);
                recipes.add(new Recipe(f[0], List.of(f[1].split(" ")), graph));
            }
            return List.copyOf(recipes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Noise of a colour (white, pink, brown) at an amplitude, then its filters: wind, rain, waves, crowds. */
    private static String noise(String colour, double amplitude, String filters) {
        return "anoisesrc=c=" + colour + ":r=" + RATE + ":a=" + amplitude + ":d=%1$s," + filters;
    }

    /** A waveform written as an expression of t (pulses, tones), then its filters: steps, knocks, hums, music. */
    private static String wave(String expression, String filters) {
        return "aevalsrc='" + expression + "':s=" + RATE + ":d=%1$s," + filters;
    }

    /** The layers the sound line asks for, in recipe order; a quiet default when it names none. */
    static List<Layer> layers(String soundLine, double seconds) {
        String text = " "
                + (soundLine == null ? "" : soundLine.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ")) + " ";
        String d = String.format(Locale.ROOT, "%.3f", seconds);
        List<Layer> layers = new ArrayList<>();
        for (Recipe r : RECIPES) {
            if (r.keywords.stream().anyMatch(k -> text.contains(" " + k + " ")))
                layers.add(new Layer(r.name, String.format(Locale.ROOT, r.graph, d)));
        }
        if (layers.isEmpty()) {
            layers.add(new Layer(ROOM_TONE.name, String.format(Locale.ROOT, ROOM_TONE.graph, d)));
            layers.add(new Layer(PAD.name, String.format(Locale.ROOT, PAD.graph, d)));
        }
        return layers;
    }

    /** Echoing places ("echoing footsteps", "des pas qui résonnent") get a cave-like echo on the whole bed. */
    static boolean echoes(String soundLine) {
        String s = soundLine == null ? "" : soundLine.toLowerCase(Locale.ROOT);
        return s.contains("echo") || s.contains("écho") || s.contains("résonn") || s.contains("reverb");
    }
}
