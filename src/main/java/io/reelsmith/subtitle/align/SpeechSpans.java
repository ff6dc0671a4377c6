package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords.Stretch;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The script shown un-timed where the speech is, when the aligner could place none of it (issue #26: held-out clips
 * 89 and 91 got no captions at all). Where the speech is comes from loudness alone: 20 ms frames within
 * {@link #BELOW_PEAK} dB of the file's loud frames. Each sentence gets its own stretch only when the pauses say
 * unambiguously where sentences meet; otherwise every word belongs to the whole stretch of speech. No word gets a
 * time of its own.
 */
final class SpeechSpans {
    static final double FRAME = SpeechLevel.FRAME;
    /** A frame this far below the loud frames (the 95th percentile) is not speech. */
    static final double BELOW_PEAK = 15;
    /** Loud frames in a row that start (or end) the speech: a click or a bed's peak is shorter. */
    static final int MIN_RUN = 3;
    /** A quiet stretch this long inside the speech may be where two sentences meet. */
    static final double MIN_PAUSE = 0.3;
    /** Spans reach this far beyond the loud frames: a word's quiet onset or final fricative may fall below the line. */
    static final double PAD = 0.25;
    /** The sentences' stretches, per phone, may differ at most this much (one speaker, one rate). */
    static final double RATE_SPREAD = 2.0;
    /** Loud frames quieter than this are no speech at all: the extraction's −60 dB floor, a silent track. */
    static final double SILENT_DB = -50;

    private SpeechSpans() {}

    /** Every script word, un-timed, over its sentence's stretch of speech (or the whole speech's). */
    static List<Word> untimedScript(List<ScriptWord> script, int[] phones, Path wav, double seconds)
            throws IOException {
        List<int[]> sentences = SphinxAligner.sentences(script);
        List<Stretch> spans = wav == null
                ? List.of(new Stretch(0, seconds))
                : spans(SpeechLevel.of(wav, List.of()), seconds, sentences, phones);
        if (spans.isEmpty()) throw new WordTimingException("no speech to caption: the sound track is silent");
        List<Word> out = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            Stretch span = spans.size() == sentences.size() ? spans.get(s) : spans.get(0);
            for (int i = sentences.get(s)[0]; i < sentences.get(s)[1]; i++)
                out.add(Word.untimed(script.get(i).text(), span.start(), span.end()));
        }
        return out;
    }

    /**
     * One stretch per sentence when the pauses inside the speech are as many as the gaps between sentences and give
     * each sentence a time in keeping with its length; else one stretch for all the speech; none if nothing is loud.
     */
    static List<Stretch> spans(SpeechLevel level, double seconds, List<int[]> sentences, int[] phones) {
        int n = (int) Math.floor(seconds / FRAME);
        double[] db = new double[n];
        for (int f = 0; f < n; f++) db[f] = level.decibels(f * FRAME, (f + 1) * FRAME);
        if (n == 0) return List.of();
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        double peak = sorted[(int) (0.95 * (n - 1))];
        if (peak < SILENT_DB) return List.of();
        boolean[] loud = new boolean[n];
        for (int f = 0; f < n; f++) loud[f] = db[f] >= peak - BELOW_PEAK;
        List<int[]> runs = new ArrayList<>(); // [first, end) frames of loud runs
        for (int f = 0; f < n; ) {
            if (!loud[f]) {
                f++;
                continue;
            }
            int e = f;
            while (e < n && loud[e]) e++;
            runs.add(new int[] {f, e});
            f = e;
        }
        int first = 0, last = runs.size() - 1;
        while (first < runs.size() && length(runs.get(first)) < MIN_RUN) first++;
        while (last >= first && length(runs.get(last)) < MIN_RUN) last--;
        if (first > last) return List.of(new Stretch(0, seconds));
        double start = runs.get(first)[0] * FRAME, end = runs.get(last)[1] * FRAME;
        List<Stretch> whole = List.of(padded(start, end, seconds));
        List<double[]> pauses = new ArrayList<>(); // quiet stretches between loud runs, MIN_PAUSE or longer
        for (int r = first; r < last; r++) {
            double a = runs.get(r)[1] * FRAME, b = runs.get(r + 1)[0] * FRAME;
            if (b - a >= MIN_PAUSE - 1e-9) pauses.add(new double[] {a, b});
        }
        if (sentences.size() < 2 || pauses.size() != sentences.size() - 1) return whole;
        List<Stretch> out = new ArrayList<>();
        double lo = Double.MAX_VALUE, hi = 0;
        for (int s = 0; s < sentences.size(); s++) {
            double a = s == 0 ? start : pauses.get(s - 1)[1], b = s + 1 == sentences.size() ? end : pauses.get(s)[0];
            int p = 0;
            for (int i = sentences.get(s)[0]; i < sentences.get(s)[1]; i++) p += phones[i];
            double perPhone = (b - a) / Math.max(1, p);
            lo = Math.min(lo, perPhone);
            hi = Math.max(hi, perPhone);
            out.add(padded(a, b, seconds));
        }
        // a sentence left out and another added, or a pause inside a sentence, would give stretches that fit no rate
        return hi <= RATE_SPREAD * lo ? out : whole;
    }

    private static int length(int[] run) {
        return run[1] - run[0];
    }

    private static Stretch padded(double a, double b, double seconds) {
        return new Stretch(Math.max(0, a - PAD), Math.min(seconds, b + PAD));
    }
}
