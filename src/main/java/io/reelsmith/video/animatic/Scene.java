package io.reelsmith.video.animatic;

import java.util.List;
import java.util.Locale;

/**
 * What a block's visual description says about the place: a setting and the light and weather over it,
 * read from English and French keywords. Unknown places become a meadow (outdoors) — never an empty frame.
 */
public record Scene(
        Setting setting, boolean night, boolean sunset, boolean rain, boolean fog, boolean snow, long seed) {

    public enum Setting {
        LIBRARY(
                true,
                "library",
                "bookshelf",
                "bookshelves",
                "books",
                "bibliothèque",
                "bibliotheque",
                "livres",
                "étagères"),
        KITCHEN(true, "kitchen", "cooking", "stove", "cuisine", "marmite", "fourneau"),
        CAVE(true, "cave", "cavern", "grotte", "caverne", "tunnel", "dungeon", "donjon", "mine"),
        SPACE(
                false,
                "space",
                "spaceship",
                "planet",
                "galaxy",
                "asteroid",
                "moon base",
                "espace",
                "planète",
                "galaxie",
                "fusée",
                "rocket",
                "cosmos"),
        BEACH(false, "beach", "sea", "ocean", "shore", "island", "plage", "mer", "océan", "île", "seaside"),
        ROOFTOP(false, "rooftop", "roof", "toit", "terrasse"),
        CITY(false, "city", "street", "town", "downtown", "neon", "ville", "rue", "néons", "avenue", "boulevard"),
        SNOW(false, "snow", "snowy", "winter", "ice", "neige", "hiver", "glace", "enneigé"),
        MOUNTAIN(false, "mountain", "mountains", "peak", "cliff", "montagne", "montagnes", "sommet", "falaise"),
        DESERT(false, "desert", "dune", "dunes", "sahara", "désert"),
        FOREST(
                false, "forest", "woods", "jungle", "park", "garden", "tree", "trees", "forêt", "bois", "parc",
                "jardin", "arbres", "sentier"),
        ROOM(
                true,
                "room",
                "bedroom",
                "house",
                "home",
                "office",
                "classroom",
                "school",
                "lab",
                "laboratory",
                "shop",
                "café",
                "chambre",
                "maison",
                "salon",
                "bureau",
                "classe",
                "école",
                "laboratoire",
                "boutique"),
        MEADOW(false);

        public final boolean indoor;
        final List<String> keywords;

        Setting(boolean indoor, String... keywords) {
            this.indoor = indoor;
            this.keywords = List.of(keywords);
        }
    }

    /** Reads the visual description; the sound line helps when the visual names no place ("waves" → beach). */
    public static Scene of(String visual, String sound, long seed) {
        String v = " " + normalise(visual) + " ", s = " " + normalise(sound) + " ";
        Setting setting = find(v);
        if (setting == Setting.MEADOW) setting = find(s);
        if (setting == Setting.MEADOW) setting = soundHint(s);
        String all = v + s;
        boolean night = has(
                all,
                "night",
                "nuit",
                "starry",
                "étoilé",
                "moon",
                "lune",
                "midnight",
                "minuit",
                "dark",
                "sombre",
                "nocturne",
                "neon",
                "néons");
        boolean sunset = !night
                && has(
                        v,
                        "sunset",
                        "dusk",
                        "dawn",
                        "sunrise",
                        "aube",
                        "crépuscule",
                        "coucher",
                        "aurore",
                        "golden hour");
        boolean rain = has(all, "rain", "rainy", "storm", "pluie", "pluvieux", "orage", "drizzle", "averse");
        boolean fog = has(v, "mist", "misty", "fog", "foggy", "brume", "brumeux", "brouillard");
        boolean snow = setting == Setting.SNOW
                || has(v, "snow", "snowy", "snowing", "snowflakes", "flocons", "neige", "enneigé", "enneigée");
        if (setting == Setting.SPACE) night = true;
        return new Scene(setting, night, sunset, rain, fog, snow, seed);
    }

    /** The place named last wins: descriptions say who and what first, then where ("… waves at us in a library"). */
    private static Setting find(String text) {
        Setting best = Setting.MEADOW;
        int at = -1;
        for (Setting st : Setting.values()) {
            for (String k : st.keywords) {
                int i = text.lastIndexOf(" " + k + " ");
                if (i > at) {
                    at = i;
                    best = st;
                }
            }
        }
        return best;
    }

    private static Setting soundHint(String sound) {
        if (has(sound, "waves", "vagues", "seagulls", "mouettes", "surf", "ressac")) return Setting.BEACH;
        if (has(sound, "traffic", "circulation", "horns", "klaxons", "sirens", "sirène")) return Setting.CITY;
        if (has(sound, "birdsong", "birds", "oiseaux", "leaves", "feuilles", "crickets", "grillons"))
            return Setting.FOREST;
        return Setting.MEADOW;
    }

    private static boolean has(String text, String... words) {
        for (String w : words) if (text.contains(" " + w + " ")) return true;
        return false;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ");
    }
}
