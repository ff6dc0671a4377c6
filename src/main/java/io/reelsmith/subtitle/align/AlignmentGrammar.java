package io.reelsmith.subtitle.align;

import java.util.List;
import java.util.Locale;

/**
 * A Sphinx finite-state grammar that reads the script words in order but tolerates the speech departing
 * from it: any word may be skipped (dropped by the speaker) and so may a whole sentence, each at a cost
 * so low-probability that the decoder only takes it when the audio really lacks the words. Words the
 * speaker added are absorbed by the filler models pocketsphinx puts at every state.
 *
 * <p>Grammar words are named after their position ({@code p17}) so that a repeated "the" can never be
 * mistaken for another one.
 */
final class AlignmentGrammar {
    static final double SAY = 0.9, SKIP_WORD = 1e-5, SKIP_SENTENCE = 1e-12;

    private AlignmentGrammar() { }

    static String word(int position) {
        return "p" + position;
    }

    /** Grammar over script words [from, to), with sentences given as [start, end) ranges inside it. */
    static String fsg(int from, int to, List<int[]> sentences) {
        StringBuilder t = new StringBuilder();
        int states = to - from + 1;
        for (int i = from; i < to; i++) {
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s %s%n", i - from, i - from + 1, SAY, word(i)));
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", i - from, i - from + 1, SKIP_WORD));
        }
        for (int[] s : sentences) {
            if (s[0] < from || s[1] > to || s[1] - s[0] < 2) continue;
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", s[0] - from, s[1] - from, SKIP_SENTENCE));
        }
        return "FSG_BEGIN script\nNUM_STATES " + states + "\nSTART_STATE 0\nFINAL_STATE " + (states - 1) + "\n" + t + "FSG_END\n";
    }
}
