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
    static final double SAY = 0.9, SKIP_WORD = 1e-8, SKIP_SENTENCE = 1e-12;
    static final double PHONE_LOOP = 1e-1;
    /**
     * Leaving out a run of words inside a sentence costs the same whatever its length: a phrase the speaker never
     * said would otherwise cost SKIP_WORD per word, and squeezing it over the neighbouring words came out cheaper.
     */
    static final double SKIP_PHRASE = 1e-12, LOOP_IN_SENTENCE = 1e-2;
    /**
     * Phones of the loop: a broad subset (vowels, fricatives, nasals, liquids, stops) matches any speech about as
     * well as all 39 at 60 % of the decoding cost. The "spoken noise" filler alone did not: tested, it lost to
     * stretching the next word over the off-script phrase.
     */
    static final List<String> LOOP_PHONES =
            List.of("AA", "IY", "UW", "EH", "AH", "ER", "S", "F", "M", "N", "L", "R", "K", "T", "D", "Z");

    /** Dictionary lines for the loop's one-phone words ({@code g_AA AA}); their hits are not script words. */
    static String loopDictionary() {
        StringBuilder sb = new StringBuilder();
        for (String p : LOOP_PHONES)
            sb.append("g_").append(p).append(' ').append(p).append('\n');
        return sb.toString();
    }

    private AlignmentGrammar() {}

    static String word(int position) {
        return "p" + position;
    }

    /** Grammar over script words [from, to), with sentences given as [start, end) ranges inside it. */
    static String fsg(int from, int to, List<int[]> sentences) {
        return fsg(from, to, sentences, true, true);
    }

    /** Without the phone loop the decoder does ~40 % less work: tried first, kept when its result is plausible. */
    static String fsg(int from, int to, List<int[]> sentences, boolean phoneLoop) {
        return fsg(from, to, sentences, phoneLoop, phoneLoop);
    }

    /**
     * Words in order, any word or sentence left out, a phrase of at most half its sentence left out, no phone loop:
     * the second look at the words pass 1 did not vouch for ({@link SecondLook}) — with nothing to absorb them, words
     * that were said are placed where they are. A longer phrase skip let the decoder drop said words around the
     * phrase really left out: in tuning clip 71 ("Quembrisk mended it [with a length of wire] while the passengers
     * sang.") it skipped "Quembrisk … while", nine of the sentence's twelve words, put fillers over the loud name and
     * "the" over "mended it"; with skips of at most six it places the four said words where they are said.
     */
    static String secondLook(int from, int to, List<int[]> sentences) {
        return fsg(from, to, sentences, false, true, MAX_PHRASE_SHARE_SECOND_LOOK);
    }

    /** The longest phrase the second look may leave out, as a share of its sentence's words. */
    static final double MAX_PHRASE_SHARE_SECOND_LOOK = 0.5;

    private static String fsg(int from, int to, List<int[]> sentences, boolean phoneLoop, boolean phraseSkips) {
        return fsg(from, to, sentences, phoneLoop, phraseSkips, 1);
    }

    private static String fsg(
            int from, int to, List<int[]> sentences, boolean phoneLoop, boolean phraseSkips, double maxPhraseShare) {
        StringBuilder t = wordsInOrder(from, to);
        int states = to - from + 1;
        for (int[] s : sentences) {
            if (s[0] < from || s[1] > to) continue;
            if (phoneLoop) phoneLoop(t, s[0] - from, PHONE_LOOP);
            if (s[1] - s[0] >= 2)
                t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", s[0] - from, s[1] - from, SKIP_SENTENCE));
            if (!phraseSkips) continue;
            for (int a = s[0]; a < s[1]; a++) {
                if (a > s[0] && phoneLoop) phoneLoop(t, a - from, LOOP_IN_SENTENCE);
                for (int b = a + 2; b <= s[1]; b++) {
                    if (a == s[0] && b == s[1] || b - a > maxPhraseShare * (s[1] - s[0])) continue;
                    t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", a - from, b - from, SKIP_PHRASE));
                }
            }
        }
        if (phoneLoop) phoneLoop(t, states - 1, PHONE_LOOP);
        return grammar(states, t);
    }

    /**
     * Pass 2's grammar, as before issue #18: words in order, each skippable (1e-8), each sentence skippable (1e-12),
     * a phone loop at 1e-4 a phone between sentences only. On SphinxAlignerTest's chunked case the deviation
     * grammar (loops inside sentences at 0.01–0.1, phrase skips) made a window with a false anchor lose a name
     * more often, and its nearly free loops took the first phones of a window's last sentence.
     */
    static String chunkFsg(int from, int to, List<int[]> sentences) {
        StringBuilder t = wordsInOrder(from, to);
        int states = to - from + 1;
        for (int[] s : sentences) {
            if (s[0] < from || s[1] > to) continue;
            phoneLoop(t, s[0] - from, CHUNK_LOOP);
            if (s[1] - s[0] >= 2)
                t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", s[0] - from, s[1] - from, SKIP_SENTENCE));
        }
        phoneLoop(t, states - 1, CHUNK_LOOP);
        return grammar(states, t);
    }

    private static final double CHUNK_LOOP = 1e-4;

    /** Script words [from, to), each one said, in order: checks whether a stretch holds them ({@link EdgeWords}). */
    static String required(int from, int to) {
        StringBuilder t = new StringBuilder();
        for (int i = from; i < to; i++)
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s %s%n", i - from, i - from + 1, SAY, word(i)));
        return grammar(to - from + 1, t);
    }

    /** The backbone of both grammars: script words [from, to) in order, state k before word from + k, each skippable. */
    private static StringBuilder wordsInOrder(int from, int to) {
        StringBuilder t = new StringBuilder();
        for (int i = from; i < to; i++) {
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s %s%n", i - from, i - from + 1, SAY, word(i)));
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", i - from, i - from + 1, SKIP_WORD));
        }
        return t;
    }

    private static String grammar(int states, StringBuilder transitions) {
        return "FSG_BEGIN script\nNUM_STATES " + states + "\nSTART_STATE 0\nFINAL_STATE " + (states - 1) + "\n"
                + transitions + "FSG_END\n";
    }

    private static void phoneLoop(StringBuilder t, int state, double p) {
        for (String ph : LOOP_PHONES)
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s g_%s%n", state, state, p, ph));
    }
}
