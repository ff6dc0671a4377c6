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
    static double PHONE_LOOP = Double.parseDouble(System.getProperty("reelsmith.align.loop", "1e-1"));
    /**
     * Leaving out a run of words inside a sentence costs the same whatever its length: a phrase the speaker never
     * said would otherwise cost SKIP_WORD per word, and squeezing it over the neighbouring words came out cheaper.
     */
    static double skipPhrase = Double.parseDouble(System.getProperty("reelsmith.align.skipPhrase", "1e-12"));
    static double ENTER_LOOP = Double.parseDouble(System.getProperty("reelsmith.align.enterLoop", "1e-4"));
    static double loopInSentence = Double.parseDouble(System.getProperty("reelsmith.align.loopInSentence", "1e-2"));
    /**
     * Phones of the loop: a broad subset (vowels, fricatives, nasals, liquids, stops) matches any speech about as
     * well as all 39 at 60 % of the decoding cost. The "spoken noise" filler alone did not: tested, it lost to
     * stretching the next word over the off-script phrase.
     */
    static final List<String> LOOP_PHONES = List.of("AA", "IY", "UW", "EH", "AH", "ER", "S", "F", "M", "N", "L", "R", "K", "T", "D", "Z");

    /** Dictionary lines for the loop's one-phone words ({@code g_AA AA}); their hits are not script words. */
    static String loopDictionary() {
        StringBuilder sb = new StringBuilder();
        for (String p : LOOP_PHONES) sb.append("g_").append(p).append(' ').append(p).append('\n');
        return sb.toString();
    }

    private AlignmentGrammar() { }

    static String word(int position) {
        return "p" + position;
    }

    /** Grammar over script words [from, to), with sentences given as [start, end) ranges inside it. */
    static String fsg(int from, int to, List<int[]> sentences) {
        return fsg(from, to, sentences, true);
    }

    /** Without the phone loop the decoder does ~40 % less work: tried first, kept when its result is plausible. */
    static String fsg(int from, int to, List<int[]> sentences, boolean phoneLoop) {
        return fsg(from, to, sentences, phoneLoop, false);
    }

    /**
     * {@code loopStates}: each loop in a state of its own, entered at a cost (the chunked pass: its windows begin
     * and end at estimated cuts, where a nearly free loop took the first phones of the edge words). Pass 1 keeps
     * self-loops: measured on the off-script set, loop states let one noisy clip drift 0.7 s (max 342 ms with
     * self-loops).
     */
    static String fsg(int from, int to, List<int[]> sentences, boolean phoneLoop, boolean loopStates) {
        StringBuilder t = new StringBuilder();
        int states = to - from + 1;
        int[] extra = {states, loopStates ? 1 : 0}; // loop states are numbered after the word states
        for (int i = from; i < to; i++) {
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s %s%n", i - from, i - from + 1, SAY, word(i)));
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", i - from, i - from + 1, SKIP_WORD));
        }
        for (int[] s : sentences) {
            if (s[0] < from || s[1] > to) continue;
            if (phoneLoop) phoneLoop(t, s[0] - from, PHONE_LOOP, extra);
            if (s[1] - s[0] >= 2) t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", s[0] - from, s[1] - from, SKIP_SENTENCE));
            if (!phoneLoop) continue;
            for (int a = s[0]; a < s[1]; a++) {
                if (a > s[0]) phoneLoop(t, a - from, loopInSentence, extra);
                for (int b = a + 2; b <= s[1]; b++) {
                    if (a == s[0] && b == s[1]) continue;
                    t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s%n", a - from, b - from, skipPhrase));
                }
            }
        }
        if (phoneLoop) phoneLoop(t, states - 1, PHONE_LOOP, extra);
        return "FSG_BEGIN script\nNUM_STATES " + extra[0] + "\nSTART_STATE 0\nFINAL_STATE " + (states - 1) + "\n" + t + "FSG_END\n";
    }

    /**
     * A loop of phones at {@code state}, in a state of its own: entering costs {@link #ENTER_LOOP} once, each phone
     * {@code p}. A self-loop on the word state made one phone nearly free, and the loop took the first phone of
     * the next word (a sentence's first word came out 100–150 ms late); a long off-script phrase costs the same.
     * The exit is a null transition back to the word state; the entry consumes a phone, so there is no null cycle.
     */
    private static void phoneLoop(StringBuilder t, int state, double p, int[] extra) {
        if (extra[1] == 0) {
            for (String ph : LOOP_PHONES) t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s g_%s%n", state, state, p, ph));
            return;
        }
        int loop = extra[0]++;
        for (String ph : LOOP_PHONES) {
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s g_%s%n", state, loop, ENTER_LOOP * p, ph));
            t.append(String.format(Locale.ROOT, "TRANSITION %d %d %s g_%s%n", loop, loop, p, ph));
        }
        t.append(String.format(Locale.ROOT, "TRANSITION %d %d 1.0%n", loop, state));
    }
}
