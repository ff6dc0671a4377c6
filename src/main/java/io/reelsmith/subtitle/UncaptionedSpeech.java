package io.reelsmith.subtitle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speech the subtitles do not caption (said off-script, with no recogniser to say what it was): how it is kept in
 * the subtitles step's outputs, and how manifest.json and the API show it — so a missing caption is reported,
 * never silent.
 */
public final class UncaptionedSpeech {
    static final String SECONDS = "uncaptionedSeconds", STRETCHES = "uncaptioned";

    private UncaptionedSpeech() {}

    /** Step outputs: total seconds and the stretches as "start-end" pairs, comma-separated. */
    public static Map<String, String> outputs(TimedWords timed) {
        List<String> parts = new ArrayList<>();
        for (TimedWords.Stretch s : timed.uncaptioned())
            parts.add(String.format(Locale.ROOT, "%.2f-%.2f", s.start(), s.end()));
        return Map.of(
                SECONDS,
                String.format(Locale.ROOT, "%.2f", timed.uncaptionedSeconds()),
                STRETCHES,
                String.join(",", parts));
    }

    /** {"seconds": 2.4, "stretches": [{"start": 5.68, "end": 6.89}, …]} from a finished subtitles step's outputs. */
    public static Map<String, Object> view(Map<String, String> outputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", Double.parseDouble(outputs.getOrDefault(SECONDS, "0")));
        List<Map<String, Double>> stretches = new ArrayList<>();
        for (String p : outputs.getOrDefault(STRETCHES, "").split(",")) {
            if (p.isBlank()) continue;
            String[] se = p.split("-");
            stretches.add(Map.of("start", Double.parseDouble(se[0]), "end", Double.parseDouble(se[1])));
        }
        m.put("stretches", stretches);
        return m;
    }
}
