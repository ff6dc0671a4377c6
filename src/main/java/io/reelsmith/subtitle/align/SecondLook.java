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
    /**
     * The whole file decoded with {@link AlignmentGrammar#secondLook} (with the widest search if {@code widest});
     * null if its grammar could not be matched.
     */
    interface Decoder {
        List<Hit> wholeFile(boolean widest) throws IOException;
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
        List<Hit> hits = decode(decoder, false);
        // the usual beams could not match the grammar (French on the English model under a bed: clip 93 lost 17 said
        // words): the widest search does, but it skips more than was left out (clip 56 lost a whole said sentence),
        // so it may only vouch for words; the room between the placed words decides the rest
        boolean widest = hits == null;
        if (widest) hits = decode(decoder, true);
        if (hits == null) return out; // no answer: the first answer's evidence decides
        Hit[] at = new Hit[words.size()];
        for (Hit h : hits) if (EdgeWords.position(h) >= 0) at[EdgeWords.position(h)] = h;
        for (Gap g : gaps) {
            for (int i = g.from(); i < g.to(); i++) {
                Hit h = at[i];
                boolean said = h != null
                        && SpokenWords.plausible(phones[i], words.get(i).key(), h.end() - h.start())
                        && h.start() >= g.start() - SLACK
                        && h.end() <= g.end() + SLACK;
                out[i] = said || !widest ? said : null;
            }
        }
        return out;
    }

    private static List<Hit> decode(Decoder decoder, boolean widest) throws IOException {
        try {
            List<Hit> hits = decoder.wholeFile(widest);
            return hits == null || hits.isEmpty() ? null : hits;
        } catch (WordTimingException e) {
            return null;
        }
    }
}
