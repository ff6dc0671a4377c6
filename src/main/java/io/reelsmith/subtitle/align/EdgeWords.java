package io.reelsmith.subtitle.align;

import io.reelsmith.subtitle.align.Pocketsphinx.Hit;
import io.reelsmith.subtitle.align.Pocketsphinx.Window;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Script words the whole-file decode left out at the very start or end of the speech, checked again on their own.
 *
 * <p>At the edge of the file a word masked by a sound effect costs the decoder more than the silence model does
 * plus the price of skipping it, so it is skipped — even where it is said: the benchmark lost "Branxtella", the
 * first word of a clip under a whoosh, this way (forced there, it lands within 10 ms of where it is said, but
 * the silence model scores its frames better). Nothing inside the file competes with that word, so the stretch
 * before the first found word (after the last one) is aligned alone with the skipped words required, and
 * they are kept only if the speech says so: each word neither squeezed nor stretched (the duration checks of
 * {@link SpokenWords}), the words running into the found neighbour (no more than a pause apart), and the
 * stretch as loud as speech in this file (within 6 dB of the median found word), not a bed or a silence.
 */
final class EdgeWords {
    /** Longest pause between a recovered edge word and the found word it leads into. */
    private static final double MAX_PAUSE = 0.3;
    /** How much quieter than the median found word a stretch may be and still be speech. */
    private static final double SPEECH_DB_BELOW_MEDIAN = 6;

    private final Pocketsphinx sphinx;
    private final Path wav, dict, work;
    private final double seconds;
    private final List<ScriptWord> words;
    private final int[] phones;
    private float[] samples; // read once, on the first edge that needs it

    EdgeWords(
            Pocketsphinx sphinx, Path wav, double seconds, Path dict, List<ScriptWord> words, int[] phones, Path work) {
        this.sphinx = sphinx;
        this.wav = wav;
        this.seconds = seconds;
        this.dict = dict;
        this.words = words;
        this.phones = phones;
        this.work = work;
    }

    /** {@code hits} with the edge words that pass the checks added in their place; {@code hits} itself if none. */
    List<Hit> recover(List<Hit> hits, String pass) throws IOException {
        List<Hit> found = hits.stream()
                .filter(h -> position(h) >= 0 && !SpokenWords.squeezed(phones[position(h)], h.end() - h.start()))
                .toList();
        if (found.isEmpty()) return hits;
        Hit first = found.get(0), last = found.get(found.size() - 1);
        int head = position(first), tail = position(last) + 1;
        List<Window> windows = new ArrayList<>();
        List<int[]> runs = new ArrayList<>();
        if (head > 0 && first.start() >= shortest(0, head)) {
            windows.add(new Window(0, first.start(), AlignmentGrammar.required(0, head)));
            runs.add(new int[] {0, head});
        }
        if (tail < words.size() && seconds - last.end() >= shortest(tail, words.size())) {
            windows.add(new Window(last.end(), seconds, AlignmentGrammar.required(tail, words.size())));
            runs.add(new int[] {tail, words.size()});
        }
        if (windows.isEmpty()) return hits;
        List<List<Hit>> aligned;
        try {
            aligned = sphinx.align(wav, dict, windows, work.resolve(pass + "-edges"));
        } catch (WordTimingException e) {
            return hits; // a second look that fails leaves the first answer as it was
        }
        List<Hit> before = List.of(), after = List.of();
        for (int k = 0; k < windows.size(); k++) {
            List<Hit> edge = aligned.get(k) == null
                    ? null
                    : aligned.get(k).stream().filter(h -> position(h) >= 0).toList();
            boolean leading = runs.get(k)[0] == 0;
            if (!said(edge, runs.get(k), leading ? first.start() : last.end(), leading, found)) continue;
            if (leading) before = edge;
            else after = edge;
        }
        if (before.isEmpty() && after.isEmpty()) return hits;
        List<Hit> out = new ArrayList<>(before);
        double from = before.isEmpty() ? 0 : before.get(before.size() - 1).end(),
                to = after.isEmpty() ? seconds : after.get(0).start();
        for (Hit h : hits) {
            int i = position(h);
            // the found words stay; a squeezed hit of a recovered word, and phone-loop hits under recovered words, go
            if (i >= 0 ? i >= head && i < tail : h.end() > from && h.start() < to) out.add(h);
        }
        out.addAll(after);
        return out;
    }

    /** The least time words [from, to) can take in the decoder (3 frames a phone): a shorter stretch cannot hold them. */
    private double shortest(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) n += phones[i];
        return SpokenWords.MIN_PHONE_SECONDS * n;
    }

    private boolean said(List<Hit> edge, int[] run, double neighbour, boolean leading, List<Hit> found)
            throws IOException {
        if (edge == null || edge.size() != run[1] - run[0]) return false;
        for (Hit h : edge)
            if (!SpokenWords.plausible(
                    phones[position(h)], words.get(position(h)).key(), h.end() - h.start())) return false;
        double pause = leading
                ? neighbour - edge.get(edge.size() - 1).end()
                : edge.get(0).start() - neighbour;
        if (pause > MAX_PAUSE) return false;
        if (samples == null) samples = SpeechAudio.samples(wav);
        double[] loudness = found.stream()
                .mapToDouble(h -> decibels(samples, h.start(), h.end()))
                .sorted()
                .toArray();
        double median = loudness[loudness.length / 2];
        return decibels(samples, edge.get(0).start(), edge.get(edge.size() - 1).end())
                >= median - SPEECH_DB_BELOW_MEDIAN;
    }

    /** Mean power of a stretch of the speech, in dB. */
    static double decibels(float[] samples, double start, double end) {
        int a = Math.max(0, (int) (start * SpeechAudio.RATE)),
                b = Math.min(samples.length, (int) (end * SpeechAudio.RATE));
        double sum = 0;
        for (int i = a; i < b; i++) sum += samples[i] * samples[i];
        return 10 * Math.log10(sum / Math.max(1, b - a) + 1e-12);
    }

    /** The script position of a grammar word ({@code p17} → 17), −1 for the phone loop's words. */
    static int position(Hit h) {
        return h.word().startsWith("p") ? Integer.parseInt(h.word().substring(1)) : -1;
    }
}
