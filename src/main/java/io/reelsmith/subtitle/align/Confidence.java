package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.TimedWords.Stretch;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What of a forced alignment the captions may trust (issue #26: a misplaced highlight is worse than none).
 *
 * <p>A word keeps its time only inside a run of at least {@link #MIN_RUN} script words that follow each other in
 * the script and in the audio (each starting within {@link #LINK_GAP} of the one before): a run that long sits where
 * its words are said, and a word longer than a slow speaker needs never keeps its time (speech was stretched into
 * it). The words that went seconds wrong on the wider set were alone or in pairs — a script word
 * pulled onto a word of an added sentence that sounds like it ("hill" onto "wall"), the rest of its phrase skipped.
 * Such words, and the script words the aligner did not place at all, are shown <em>un-timed</em>: plain caption
 * text over the stretch between the timed words around them ({@link Word#untimed}). A script word the aligner did
 * not place is shown only where that stretch leaves it room (about {@link #ROOM_PER_PHONE} a phone, speech the
 * script lacks not counted; one or two short words always): a phrase the speaker left out has none. Before the
 * first timed word and after the last, unplaced words are shown only if half the time they need sounds like speech
 * (a sentence left out at the end leaves a bed or silence); if nothing could be timed, the whole script is shown
 * un-timed over the stretch of speech ({@link SpeechSpans}).
 */
final class Confidence {
    static final int MIN_RUN = 3;
    static final double LINK_GAP = 1.0;
    /** At the edges: the share of the unplaced words' time that must sound like speech for them to be shown. */
    static final double SPEECH_SHARE = 0.5;
    /** Uncaptioned speech between two words that unlinks them: more than a breath. */
    static final double LOOP_BETWEEN = 0.1;
    /**
     * Speech between two words that neither they nor the phone loop account for (the decoder called it silence):
     * an added sentence put into silence and fillers, with a script word pulled onto it (tuning clips 31 and 37).
     * On the tuning half such stretches held 0.16–1.1 s of speech-loud frames; stretches without speech at most 0.12 s.
     */
    static final double LOUD_BETWEEN = 0.15;

    static final double USUAL_BASE = 0.15, USUAL_PER_PHONE = 0.1;
    static final double ROOM_PER_PHONE = 0.05;

    private Confidence() {}

    static TimedWords apply(
            List<ScriptWord> script,
            int[] phones,
            TimedWords aligned,
            double seconds,
            Path wav,
            SecondLook.Decoder second)
            throws IOException {
        return apply(script, phones, new SpokenWords.Reading(aligned, aligned.uncaptioned()), seconds, wav, second);
    }

    /** As above, with the loop's stretches cut to their phones' time for the room rule ({@link SpokenWords#read}). */
    static TimedWords apply(
            List<ScriptWord> script,
            int[] phones,
            SpokenWords.Reading reading,
            double seconds,
            Path wav,
            SecondLook.Decoder second)
            throws IOException {
        TimedWords aligned = reading.timed();
        int n = script.size();
        Word[] found = new Word[n];
        boolean[] stretched = new boolean[n];
        int k = 0;
        for (Word w : aligned.words()) {
            while (k < n && !script.get(k).text().equals(w.text())) k++;
            if (k == n) break;
            found[k++] = w;
        }
        for (int i = 0; i < n; i++) {
            // longer than a slow speaker takes: speech the script lacks was stretched into it, and its start may be
            // anywhere in that speech (held-out clip 31: "Il" 0.78 s early, stretched over the added sentence)
            if (found[i] != null
                    && found[i].duration()
                            > SpokenWords.longest(phones[i], script.get(i).key())) stretched[i] = true;
        }
        List<Word> placed = new ArrayList<>();
        for (Word w : found) if (w != null) placed.add(w);
        SpeechLevel loud = wav == null ? null : SpeechLevel.of(wav, placed);
        boolean[] kept = runs(found, stretched, phones, aligned.uncaptioned(), loud);
        List<Word> out = new ArrayList<>();
        boolean anyKept = false;
        for (boolean b : kept) anyKept |= b;
        // nothing trusted: the script un-timed over the speech, not over the whole file (lead-in, tail)
        if (!anyKept) return new TimedWords(SpeechSpans.untimedScript(script, phones, wav, seconds), List.of());
        Boolean[] vouched =
                second == null ? new Boolean[n] : SecondLook.said(gaps(found, kept, seconds), second, script, phones);
        for (int i = 0; i < n; ) { // one or two short words between placed words: said (see shortWords), whatever the
            // second look says
            if (found[i] != null) {
                i++;
                continue;
            }
            int stop = i;
            while (stop < n && found[stop] == null) stop++;
            if (i > 0 && stop < n && shortWords(phones, i, stop)) for (int m = i; m < stop; m++) vouched[m] = null;
            i = stop;
        }
        for (int i = 0; i < n; ) {
            if (kept[i]) {
                out.add(found[i++]);
                continue;
            }
            int end = i;
            while (end < n && !kept[end]) end++;
            double from = i == 0 ? 0 : found[i - 1].end(), to = end == n ? seconds : found[end].start();
            for (int j = i; j < end; ) {
                if (vouched[j] != null && found[j] == null) {
                    if (vouched[j]) out.add(Word.untimed(script.get(j).text(), Math.min(from, to), to));
                    j++;
                    continue;
                }
                if (found[j] != null) {
                    out.add(Word.untimed(script.get(j).text(), Math.min(from, to), to));
                    j++;
                    continue;
                }
                int stop = j; // words the aligner did not place, between the placed words around them
                while (stop < end && found[stop] == null && vouched[stop] == null) stop++;
                if (said(found, phones, j, stop, seconds, reading.loopSpeech(), loud)) {
                    for (int m = j; m < stop; m++)
                        out.add(Word.untimed(script.get(m).text(), Math.min(from, to), to));
                }
                j = stop;
            }
            i = end;
        }
        return new TimedWords(out, aligned.uncaptioned());
    }

    /** The stretches of script words outside the kept runs, each between the kept words around it (or an edge of the file). */
    private static List<SecondLook.Gap> gaps(Word[] found, boolean[] kept, double seconds) {
        List<SecondLook.Gap> out = new ArrayList<>();
        for (int i = 0; i < found.length; ) {
            if (kept[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < found.length && !kept[end]) end++;
            double from = i == 0 ? 0 : found[i - 1].end(), to = end == found.length ? seconds : found[end].start();
            if (to > from) out.add(new SecondLook.Gap(i, end, from, to));
            i = end;
        }
        return out;
    }

    /**
     * Whether script words [from, to), which the aligner did not place, were said: room for them between the words
     * it placed around them (speech the script lacks not counted), or, at the start or end of the speech, enough of
     * that stretch sounding like speech.
     */
    private static boolean said(
            Word[] found, int[] phones, int from, int to, double seconds, List<Stretch> loopSpeech, SpeechLevel loud) {
        double needed = 0;
        for (int j = from; j < to; j++) needed += ROOM_PER_PHONE * phones[j];
        Word before = from == 0 ? null : found[from - 1], after = to == found.length ? null : found[to];
        double a = before == null ? 0 : before.end(), b = after == null ? seconds : after.start();
        if (before == null || after == null) return loud != null && loud.seconds(a, b) >= SPEECH_SHARE * needed;
        return b - a - uncaptioned(loopSpeech, a, b) >= needed || shortWords(phones, from, to);
    }

    /**
     * One or two short words (two phones at most each: "the", "a", "of") between timed neighbours: the decoder squeezed them to its
     * minimum length ({@link SpokenWords#squeezed}), which fast speech gives "the" or "a" too; a phrase left out is
     * longer.
     */
    private static boolean shortWords(int[] phones, int from, int to) {
        for (int j = from; j < to; j++) if (phones[j] > 2) return false; // "old" (3 phones) left out is a word not said
        return to - from <= 2;
    }

    /** Words in runs of at least MIN_RUN script neighbours that are neighbours in the audio too. */
    /** Not longer than a word of this many phones usually takes (0.15 s + 0.1 s a phone). */
    private static boolean usual(Word w, int phones) {
        return w.duration() <= USUAL_BASE + USUAL_PER_PHONE * phones;
    }

    private static boolean[] runs(
            Word[] found, boolean[] stretched, int[] phones, List<Stretch> loops, SpeechLevel loud) {
        boolean[] kept = new boolean[found.length];
        int start = -1;
        for (int i = 0; i <= found.length; i++) {
            // a stretched word holds speech the script lacks: the words on either side of it do not vouch for each
            // other
            // nor do two words with speech the script lacks between them (the phone loop's stretches)
            boolean linked = i < found.length
                    && found[i] != null
                    && start >= 0
                    && found[i - 1] != null
                    && !stretched[i - 1]
                    && !stretched[i]
                    && found[i].start() - found[i - 1].end() <= LINK_GAP
                    && found[i].start() >= found[i - 1].start()
                    && uncaptioned(loops, found[i - 1].end(), found[i].start()) < LOOP_BETWEEN
                    && (loud == null || loud.seconds(found[i - 1].end(), found[i].start()) < LOUD_BETWEEN);
            if (linked) continue;
            if (start >= 0 && i - start >= MIN_RUN) {
                for (int j = start; j < i; j++) kept[j] = true;
                // a run's first and last words meet speech the aligner did not match: they must have a usual length
                if (!usual(found[start], phones[start])) kept[start] = false;
                if (!usual(found[i - 1], phones[i - 1])) kept[i - 1] = false;
            }
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
