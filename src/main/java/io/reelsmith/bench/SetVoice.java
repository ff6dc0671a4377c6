package io.reelsmith.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A TTS voice of the wider subtitle set: an engine Debian ships ({@code espeak-ng}, {@code festival},
 * {@code flite}), its voice name and speed (espeak-ng: words a minute; festival and flite: 1.0 is the voice's own
 * pace, 1.2 is 20 % faster). Each group of the set has voices of every engine; where an engine has several voices
 * the groups use different ones (espeak-ng variants; festival and flite voices at other speeds). The voices are
 * data, in the resource {@value #TABLE} beside this class.
 */
record SetVoice(String engine, String name, String language, double speed, int pitch) {
    static final String ESPEAK = "espeak-ng", FESTIVAL = "festival", FLITE = "flite";
    static final String TABLE = "set-voices.tsv";

    String label() {
        return engine.equals(ESPEAK)
                ? String.format(Locale.ROOT, "espeak %s %.0fwpm", name, speed)
                : String.format(Locale.ROOT, "%s %s x%.2f", engine, name, speed);
    }

    /** Groups A (clips 00–23), B (24–47), C (48–71), D (72–95) and E (96–119), 24 voices each in clip order, from {@value #TABLE}. */
    static final List<List<SetVoice>> GROUPS = groups(BenchResource.lines(TABLE));

    /** Rows {@code group engine voice speed pitch}, tab-separated, in clip order within each group. */
    static List<List<SetVoice>> groups(List<String> rows) {
        Map<String, List<SetVoice>> groups = new LinkedHashMap<>();
        for (String row : rows) {
            String[] f = row.split("\t");
            if (f.length != 5) throw new IllegalStateException(TABLE + ": not 5 fields: " + row);
            String language = f[1].equals(ESPEAK) && f[2].startsWith("fr") ? "fr" : "en";
            groups.computeIfAbsent(f[0], g -> new ArrayList<>())
                    .add(new SetVoice(f[1], f[2], language, Double.parseDouble(f[3]), Integer.parseInt(f[4])));
        }
        return List.copyOf(groups.values());
    }
}
