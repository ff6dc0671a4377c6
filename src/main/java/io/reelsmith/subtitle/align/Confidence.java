package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.TimedWords.Stretch;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;

import java.util.ArrayList;
import java.util.List;

/**
 * What of a forced alignment the captions may trust (issue #26: a misplaced highlight is worse than none).
 *
 * <p>A word keeps its time only inside a run of at least {@link #MIN_RUN} script words that follow each other in
 * the script and in the audio (each starting within {@link #LINK_GAP} of the one before): a run that long sits where
 * its words are said. The words that went seconds wrong on the wider set were alone or in pairs — a script word
 * pulled onto a word of an added sentence that sounds like it ("hill" onto "wall"), the rest of its phrase skipped.
 * Such words, and the script words the aligner did not place at all, are shown <em>un-timed</em>: plain caption
 * text over the stretch between the timed words around them ({@link Word#untimed}). A script word the aligner did
 * not place is shown only where that stretch leaves it room (about {@link #ROOM_PER_PHONE} a phone, speech the
 * script lacks not counted): a phrase the speaker left out has none. At the start and end of the speech, where
 * {@link EdgeWords} already looked again, words the aligner did not place are left out; if it placed none at all,
 * the whole script is shown un-timed.
 */
final class Confidence {
    static final int MIN_RUN = Integer.getInteger("reelsmith.align.minRun", 3);
    static final double LINK_GAP = Double.parseDouble(System.getProperty("reelsmith.align.linkGap", "1.0"));
    static final double ROOM_PER_PHONE = Double.parseDouble(System.getProperty("reelsmith.align.roomPerPhone", "0.05"));

    private Confidence() { }

    static TimedWords apply(List<ScriptWord> script, int[] phones, TimedWords aligned, double seconds) {
        int n = script.size();
        Word[] found = new Word[n];
        int k = 0;
        for (Word w : aligned.words()) {
            while (k < n && !script.get(k).text().equals(w.text())) k++;
            if (k == n) break;
            found[k++] = w;
        }
        boolean[] kept = runs(found);
        List<Word> out = new ArrayList<>();
        boolean anyKept = false;
        for (boolean b : kept) anyKept |= b;
        for (int i = 0; i < n; ) {
            if (kept[i]) {
                out.add(found[i++]);
                continue;
            }
            int end = i;
            while (end < n && !kept[end]) end++;
            boolean edge = i == 0 || end == n;
            double from = i == 0 ? 0 : found[i - 1].end(), to = end == n ? seconds : found[end].start();
            double needed = 0;
            for (int j = i; j < end; j++) needed += found[j] != null ? found[j].duration() : ROOM_PER_PHONE * phones[j];
            boolean room = to - from - uncaptioned(aligned.uncaptioned(), from, to) >= needed;
            for (int j = i; j < end; j++) {
                boolean show = found[j] != null || !anyKept || (!edge && room);
                if (show) out.add(Word.untimed(script.get(j).text(), Math.min(from, to), to));
            }
            i = end;
        }
        return new TimedWords(out, aligned.uncaptioned());
    }

    /** Words in runs of at least MIN_RUN script neighbours that are neighbours in the audio too. */
    private static boolean[] runs(Word[] found) {
        boolean[] kept = new boolean[found.length];
        int start = -1;
        for (int i = 0; i <= found.length; i++) {
            boolean linked = i < found.length && found[i] != null && start >= 0 && found[i - 1] != null
                    && found[i].start() - found[i - 1].end() <= LINK_GAP && found[i].start() >= found[i - 1].start();
            if (linked) continue;
            if (start >= 0 && i - start >= MIN_RUN) for (int j = start; j < i; j++) kept[j] = true;
            start = i < found.length && found[i] != null ? i : -1;
        }
        return kept;
    }

    private static double uncaptioned(List<Stretch> stretches, double from, double to) {
        double s = 0;
        for (Stretch st : stretches) s += Math.max(0, Math.min(to, st.end()) - Math.max(from, st.start()));
        return s;
    }
}
