package io.reelsmith.subtitle;

import io.reelsmith.kernel.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts words too wide for a caption row into pieces, so that no row runs out of the safe area: libass only
 * wraps at spaces. Latin pieces end with a hyphen; CJK text (no spaces, glyphs twice as wide) is cut between
 * characters. Pieces share the word's time in proportion to their length, so karaoke still moves along.
 */
final class LongWords {
    private LongWords() {}

    static List<Word> split(List<Word> words, int maxCharsPerRow) {
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            if (width(w.text()) <= maxCharsPerRow) {
                out.add(w);
                continue;
            }
            List<String> pieces = pieces(w.text(), maxCharsPerRow);
            int total = pieces.stream().mapToInt(String::length).sum();
            double t = w.start();
            for (String p : pieces) {
                double d = w.duration() * p.length() / total;
                out.add(w.timed() ? new Word(p, t, Math.max(t, t + d)) : Word.untimed(p, w.start(), w.end()));
                t += d;
            }
        }
        return out;
    }

    private static List<String> pieces(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int curWidth = 0;
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cw = wide(cps[i]) ? 2 : 1;
            boolean last = i == cps.length - 1;
            // room for a hyphen unless this piece is CJK, which breaks without one
            int room = wide(cps[i]) ? max : max - 1;
            if (curWidth + cw > room && curWidth > 0) {
                out.add(wide(cur.codePointBefore(cur.length())) ? cur.toString() : cur + "-");
                cur.setLength(0);
                curWidth = 0;
            }
            cur.appendCodePoint(cps[i]);
            curWidth += cw;
            if (last) out.add(cur.toString());
        }
        return out;
    }

    /** Display width in Latin-character units: CJK and full-width forms count two. */
    static int width(String s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(c);
        return sc == Character.UnicodeScript.HAN
                || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA
                || sc == Character.UnicodeScript.HANGUL
                || (c >= 0xFF00 && c <= 0xFFEF)
                || (c >= 0x3000 && c <= 0x303F);
    }
}
