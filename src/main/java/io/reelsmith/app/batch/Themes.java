package io.reelsmith.app.batch;

import io.reelsmith.script.ScriptRequest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The themes of a batch, whichever edge gives them (the API's list, the CLI's file): 1..50, none blank or too long. */
public final class Themes {
    public static final int MAX = 50;

    private Themes() {}

    /** The themes stripped, or IllegalArgumentException naming the first one at fault (numbered from 1). */
    public static List<String> check(List<String> themes) {
        if (themes == null || themes.isEmpty()) throw new IllegalArgumentException("themes: give at least one theme");
        if (themes.size() > MAX)
            throw new IllegalArgumentException("themes: at most " + MAX + " themes in a batch, not " + themes.size());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            String t = themes.get(i);
            if (t == null || t.isBlank()) throw new IllegalArgumentException("theme " + (i + 1) + " is blank");
            t = t.strip();
            if (t.codePointCount(0, t.length()) > ScriptRequest.MAX_THEME_CHARS) {
                throw new IllegalArgumentException(
                        "theme " + (i + 1) + " is longer than " + ScriptRequest.MAX_THEME_CHARS + " characters");
            }
            if (t.codePoints().anyMatch(Character::isISOControl))
                throw new IllegalArgumentException("theme " + (i + 1) + " contains control characters");
            out.add(t);
        }
        return out;
    }

    /** A themes file: one theme per line; blank lines and lines starting with # are ignored. */
    public static List<String> parse(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** A file or folder name for theme {@code position}: "03-a-treasure-map-in-the-attic" (ASCII, at most 40 letters of theme). */
    public static String slug(int position, String theme) {
        String s = Normalizer.normalize(theme, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (s.length() > 40) s = s.substring(0, 40).replaceAll("-$", "");
        return String.format(Locale.ROOT, "%02d", position) + (s.isEmpty() ? "" : "-" + s);
    }
}
