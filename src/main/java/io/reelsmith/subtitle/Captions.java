package io.reelsmith.subtitle;

import io.reelsmith.kernel.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups timed words into short captions a phone viewer can read at a glance: a new caption after
 * sentence punctuation, after a pause, or when the caption is full; a caption wraps onto two rows at most.
 */
public final class Captions {
    /** A caption stays up a little after its last word, unless the next one starts sooner. */
    private static final double HOLD = 0.35;

    private Captions() {}

    public static List<Caption> group(List<Word> words, CaptionStyle style) {
        words = LongWords.split(words, style.maxCharsPerRow()); // libass wraps only at spaces
        List<List<Word>> groups = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (Word w : words) {
            if (!current.isEmpty() && breaksBefore(current, w, style)) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(w);
        }
        if (!current.isEmpty()) groups.add(current);

        List<Caption> captions = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Word> ws = groups.get(g);
            double start = ws.get(0).start();
            double end = ws.get(ws.size() - 1).end() + HOLD;
            if (g + 1 < groups.size())
                end = Math.min(end, groups.get(g + 1).get(0).start());
            captions.add(new Caption(
                    ws,
                    rowBreaks(ws, style),
                    start,
                    Math.max(end, ws.get(ws.size() - 1).end())));
        }
        return captions;
    }

    private static boolean breaksBefore(List<Word> current, Word next, CaptionStyle style) {
        Word last = current.get(current.size() - 1);
        if (current.size() >= style.maxWords()) return true;
        if (endsSentence(last.text())) return true;
        if (next.start() - last.end() > style.pauseBreak()) return true;
        return chars(current) + 1 + next.text().length() > 2 * style.maxCharsPerRow();
    }

    static boolean endsSentence(String word) {
        return word.matches(".*[.!?…;:]+[\"”»')]*$");
    }

    /** One row if it fits, else two rows split where the rows are most even. */
    private static List<Integer> rowBreaks(List<Word> ws, CaptionStyle style) {
        if (chars(ws) <= style.maxCharsPerRow() || ws.size() < 2) return List.of();
        int best = 1;
        int bestDiff = Integer.MAX_VALUE;
        for (int i = 1; i < ws.size(); i++) {
            int diff = Math.abs(chars(ws.subList(0, i)) - chars(ws.subList(i, ws.size())));
            if (diff < bestDiff) {
                bestDiff = diff;
                best = i;
            }
        }
        return List.of(best);
    }

    private static int chars(List<Word> ws) {
        int n = 0;
        for (Word w : ws) n += w.text().length();
        return n + Math.max(0, ws.size() - 1);
    }
}
