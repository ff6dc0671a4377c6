package io.reelsmith.video.local;

import io.reelsmith.subtitle.Word;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes a line's word list say exactly the line's text. espeak-ng reports one event for words it speaks
 * as one unit ("of the" → only "of") and, rarely, an event with a wrong text position (a repeated "We");
 * captions would then drop or repeat words. The text's own tokens are matched in order to the TTS words;
 * a token with no event shares the time of the matched word before it (it was spoken inside it), and
 * events that match no token are dropped.
 */
final class LineWords {
    private LineWords() { }

    static List<Word> reconcile(String text, List<Word> tts) {
        List<String> tokens = tokens(text);
        if (tts.isEmpty() || tokens.isEmpty()) return List.copyOf(tts);
        // match[i] = index of the TTS word for token i, or -1.
        int[] match = new int[tokens.size()];
        int j = 0;
        for (int i = 0; i < tokens.size(); i++) {
            match[i] = -1;
            String key = key(tokens.get(i));
            for (int k = j; k < Math.min(tts.size(), j + 3); k++) {
                if (key(tts.get(k).text()).equals(key)) {
                    match[i] = k;
                    j = k + 1;
                    break;
                }
            }
        }
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            // A run: one matched token (or none at the very start) and the unmatched tokens after it.
            int runStart = i, anchor = match[i];
            i++;
            while (i < tokens.size() && match[i] < 0) i++;
            double from, to;
            if (anchor >= 0) {
                Word a = tts.get(anchor);
                from = a.start();
                to = i - runStart == 1 ? a.end() : nextStart(match, i, tts, a.end());
            } else {
                // Unmatched tokens before the first match: squeeze them into the first matched word.
                Word next = i < tokens.size() ? tts.get(match[i]) : tts.get(0);
                from = next.start();
                to = next.start();
            }
            split(tokens.subList(runStart, i), from, Math.max(from, to), out);
        }
        return out;
    }

    private static double nextStart(int[] match, int i, List<Word> tts, double fallback) {
        return i < match.length ? tts.get(match[i]).start() : Math.max(fallback, tts.get(tts.size() - 1).end());
    }

    /** Shares [from, to] among the tokens in proportion to their letters. */
    private static void split(List<String> tokens, double from, double to, List<Word> out) {
        int total = 0;
        for (String t : tokens) total += Math.max(1, key(t).length());
        double at = from;
        for (String t : tokens) {
            double end = at + (to - from) * Math.max(1, key(t).length()) / total;
            out.add(new Word(t, at, Math.max(at, end)));
            at = end;
        }
    }

    /** Whitespace-separated tokens; a token with no letter or digit ("—", "…") joins the one before. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.strip().split("\\s+")) {
            if (t.isEmpty()) continue;
            if (!t.codePoints().anyMatch(Character::isLetterOrDigit) && !out.isEmpty()) out.set(out.size() - 1, out.get(out.size() - 1) + " " + t);
            else out.add(t);
        }
        return out;
    }

    private static String key(String word) {
        String n = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return n.replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
