package io.reelsmith.video.animatic;

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

    // Each graph leaves its duration as %1$s, filled in per block. Expressions stay free of commas outside quotes
    // (they are lavfi options).
    private static final List<Recipe> RECIPES = List.of(
            new Recipe(
                    "wind",
                    List.of("wind", "breeze", "gust", "vent", "brise", "bourrasque", "souffle"),
                    noise("brown", 0.6, "lowpass=f=700,tremolo=f=0.17:d=0.75,volume=-18dB")),
            new Recipe(
                    "rain",
                    List.of("rain", "drizzle", "downpour", "pluie", "averse", "bruine", "storm", "orage"),
                    noise("white", 0.4, "highpass=f=1200,lowpass=f=6500,volume=-22dB")),
            new Recipe(
                    "waves",
                    List.of("waves", "wave", "sea", "ocean", "surf", "vagues", "mer", "océan", "ressac"),
                    noise("pink", 0.6, "lowpass=f=1100,tremolo=f=0.13:d=0.9,volume=-14dB")),
            new Recipe(
                    "leaves",
                    List.of("leaves", "rustling", "rustle", "feuilles", "bruissent", "bruissement"),
                    noise("pink", 0.4, "highpass=f=2000,tremolo=f=0.6:d=0.8,volume=-12dB")),
            new Recipe(
                    "footsteps",
                    List.of("footsteps", "steps", "walking", "walk", "pas", "marche", "talons"),
                    wave("0.7*sin(2*PI*75*mod(t\\,0.55))*exp(-22*mod(t\\,0.55))", "lowpass=f=500,volume=-18dB")),
            new Recipe(
                    "knock",
                    List.of("knock", "knocking", "knocks", "door", "frappe", "frappent", "toc", "porte"),
                    wave(
                            "0.8*sin(2*PI*190*mod(t\\,0.22))*exp(-40*mod(t\\,0.22))*lt(mod(t\\,2.6)\\,0.66)",
                            "volume=-17dB")),
            new Recipe(
                    "creak",
                    List.of(
                            "creak",
                            "creaking",
                            "creaks",
                            "squeak",
                            "floorboards",
                            "grince",
                            "grincent",
                            "grincement",
                            "planches"),
                    wave(
                            "0.5*sin(2*PI*150*t-60*cos(2*PI*0.9*t))*lt(mod(t\\,3.3)\\,0.9)*sin(PI*mod(t\\,3.3)/0.9)",
                            "lowpass=f=1800,volume=-23dB")),
            new Recipe(
                    "hum",
                    List.of(
                            "hum",
                            "humming",
                            "buzz",
                            "engine",
                            "machine",
                            "fridge",
                            "motor",
                            "bourdonnement",
                            "moteur",
                            "ronron",
                            "vrombissement"),
                    wave(
                            "0.3*sin(2*PI*110*t)+0.15*sin(2*PI*220*t)+0.05*sin(2*PI*330*t)",
                            "tremolo=f=0.3:d=0.3,volume=-28dB")),
            new Recipe(
                    "music",
                    List.of(
                            "music", "melody", "song", "tune", "piano", "guitar", "musique", "mélodie", "chanson",
                            "air"),
                    wave(
                            "0.35*sin(2*PI*261.63*pow(2\\,(2*eq(mod(floor(t*3)\\,4)\\,1)+4*eq(mod(floor(t*3)\\,4)\\,2)+7*eq(mod(floor(t*3)\\,4)\\,3))/12)*mod(t\\,1/3))*exp(-7*mod(t\\,1/3))+0.1*sin(2*PI*130.81*t)",
                            "volume=-22dB")),
            new Recipe(
                    "birds",
                    List.of(
                            "bird",
                            "birds",
                            "birdsong",
                            "chirp",
                            "chirping",
                            "seagulls",
                            "oiseaux",
                            "oiseau",
                            "chants",
                            "mouettes",
                            "gazouillis"),
                    wave(
                            "0.4*sin(2*PI*3000*t-57*cos(2*PI*14*t))*lt(mod(t\\,1.7)\\,0.22)*sin(PI*mod(t\\,1.7)/0.22)",
                            "volume=-18dB")),
            new Recipe(
                    "fire",
                    List.of(
                            "fire",
                            "crackling",
                            "crackle",
                            "campfire",
                            "fireplace",
                            "feu",
                            "crépite",
                            "crépitement",
                            "cheminée"),
                    noise("white", 0.5, "highpass=f=1500,tremolo=f=11:d=1,volume=-27dB")),
            new Recipe(
                    "thunder",
                    List.of("thunder", "tonnerre", "lightning", "éclair"),
                    noise(
                            "brown",
                            0.9,
                            "lowpass=f=180,volume=volume='0.05+0.95*exp(-1.5*mod(t\\,6))':eval=frame,volume=-9dB")),
            new Recipe(
                    "crowd",
                    List.of(
                            "crowd",
                            "chatter",
                            "people",
                            "voices",
                            "audience",
                            "foule",
                            "bavardage",
                            "brouhaha",
                            "public"),
                    noise("pink", 0.5, "bandpass=f=700:width_type=h:w=900,tremolo=f=2.5:d=0.4,volume=-11dB")),
            new Recipe(
                    "traffic",
                    List.of("traffic", "cars", "car", "horn", "horns", "circulation", "voitures", "klaxon", "klaxons"),
                    noise("brown", 0.6, "lowpass=f=400,tremolo=f=0.2:d=0.5,volume=-17dB")),
            new Recipe(
                    "bubbles",
                    List.of(
                            "bubbling",
                            "bubbles",
                            "bubble",
                            "boiling",
                            "simmering",
                            "bout",
                            "bouillonne",
                            "bulles",
                            "mijote"),
                    wave(
                            "0.4*sin(2*PI*(420+260*sin(37*floor(t*9)))*mod(t\\,1/9))*exp(-45*mod(t\\,1/9))",
                            "volume=-20dB")),
            new Recipe(
                    "chime",
                    List.of(
                            "clink",
                            "clinking",
                            "bell",
                            "bells",
                            "chime",
                            "ding",
                            "cups",
                            "tintent",
                            "cloche",
                            "carillon",
                            "tasses",
                            "verres"),
                    wave(
                            "(0.4*sin(2*PI*1760*mod(t\\,1.4))+0.2*sin(2*PI*2640*mod(t\\,1.4)))*exp(-6*mod(t\\,1.4))",
                            "volume=-20dB")),
            new Recipe(
                    "drip",
                    List.of("drip", "dripping", "drops", "droplets", "gouttes", "goutte", "ruisselle"),
                    wave(
                            "0.6*sin(2*PI*(900+500*sin(11*floor(t/0.9)))*mod(t\\,0.9))*exp(-38*mod(t\\,0.9))",
                            "volume=-16dB")),
            new Recipe(
                    "beeps",
                    List.of("beep", "beeps", "computer", "robot", "bip", "bips", "ordinateur", "alarm", "alarme"),
                    wave("0.3*sin(2*PI*1050*t)*lt(mod(t\\,1.2)\\,0.09)", "volume=-17dB")));

    private static final Recipe ROOM_TONE =
            new Recipe("room tone", List.of(), noise("pink", 0.3, "lowpass=f=500,volume=-23dB"));
    private static final Recipe PAD = new Recipe(
            "soft pad",
            List.of(),
            wave(
                    "0.2*sin(2*PI*220*t)+0.15*sin(2*PI*277.18*t)+0.12*sin(2*PI*329.63*t)",
                    "tremolo=f=0.25:d=0.5,volume=-28dB"));

    private SoundBed() {}

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
