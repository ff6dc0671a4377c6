package io.reelsmith.subtitle.align;

import io.reelsmith.subtitle.align.Pocketsphinx.Hit;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.io.IOException;
import java.util.List;

/**
 * Whether script words outside the runs {@link Confidence} trusts were said, from a second decode of the whole file
 * with a grammar that may leave out any word, phrase or sentence and has no phone loop
 * ({@link AlignmentGrammar#secondLook}). In pass 1's deviation grammar the loop takes words whose pronunciation fits
 * the voice less well than free phones do (nine words of a French clause in tuning clip 47; "Fennarax said the
 * colour" in clip 19), and the room the loop leaves cannot tell them from a phrase the speaker left out. With no
 * loop, said words are placed with a plausible length near where they are said, and a phrase left out is skipped or
 * squeezed to the decoder's minimum. Decoding only the stretch between the trusted words was tried first: the
 * stretch's own cepstral mean (pocketsphinx normalises each utterance) made it skip "Fennarax" there too.
 * The answer only says which words were said: they are shown un-timed.
 */
final class SecondLook {
    /** The whole file decoded with {@link AlignmentGrammar#secondLook}; null if its grammar could not be matched. */
    interface Decoder {
        List<Hit> wholeFile() throws IOException;
    }

    /** Script words [from, to) between the trusted words around them, in the stretch [start, end). */
    record Gap(int from, int to, double start, double end) {}

    /** How far outside its gap's stretch the second decode may put a word and still vouch for it. */
    static final double SLACK = 0.3;

    private SecondLook() {}

    /**
     * For each gap's words: TRUE said (the second decode placed it in or near the gap's stretch with a plausible
     * length), FALSE not said, null everywhere if the second decode gave no answer (the caller's other evidence decides).
     */
    static Boolean[] said(List<Gap> gaps, Decoder decoder, List<ScriptWord> words, int[] phones) throws IOException {
        Boolean[] out = new Boolean[words.size()];
        if (gaps.isEmpty()) return out;
        List<Hit> hits;
        try {
            hits = decoder.wholeFile();
        } catch (WordTimingException e) {
            return out; // a second look that fails leaves the first answer's evidence to decide
        }
        if (hits == null || hits.isEmpty()) return out;
        Hit[] at = new Hit[words.size()];
        for (Hit h : hits) if (EdgeWords.position(h) >= 0) at[EdgeWords.position(h)] = h;
        for (Gap g : gaps) {
            for (int i = g.from(); i < g.to(); i++) {
                Hit h = at[i];
                out[i] = h != null
                        && SpokenWords.plausible(phones[i], words.get(i).key(), h.end() - h.start())
                        && h.start() >= g.start() - SLACK
                        && h.end() <= g.end() + SLACK;
            }
        }
        return out;
    }
}
