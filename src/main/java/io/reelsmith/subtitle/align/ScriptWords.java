package io.reelsmith.subtitle.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a known text as captions show them ("Kwirlo!", "l'île") with the key used to compare
 * and pronounce them ("kwirlo", "l'île"). Punctuation standing alone ("—", "…") sticks to the word before.
 */
public final class ScriptWords {
    public record ScriptWord(String text, String key) {}

    private ScriptWords() {}

    public static List<ScriptWord> split(String text) {
        List<ScriptWord> words = new ArrayList<>();
        if (text == null) return words;
        String pending = "";
        for (String raw : text.strip().split("\\s+")) {
            if (raw.isEmpty()) continue;
            String key = key(raw);
            if (key.isEmpty()) {
                if (words.isEmpty()) pending = pending + raw + " ";
                else {
                    ScriptWord last = words.remove(words.size() - 1);
                    words.add(new ScriptWord(last.text() + " " + raw, last.key()));
                }
                continue;
            }
            words.add(new ScriptWord(pending + raw, key));
            pending = "";
        }
        return words;
    }

    /** Lower case, letters/digits/inner apostrophes and hyphens only: "Kwirlo!" → "kwirlo", "Don’t" → "don't". */
    public static String key(String word) {
        String s = word.replace('’', '\'').replace('‘', '\'').toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        s.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || c == '\'' || c == '-')
                .forEach(sb::appendCodePoint);
        return sb.toString().replaceAll("^['-]+|['-]+$", "");
    }
}
