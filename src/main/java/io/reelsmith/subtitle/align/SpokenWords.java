package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.TimedWords.Stretch;
import io.reelsmith.subtitle.align.Pocketsphinx.Hit;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a forced alignment as evidence of what was said: script words ({@code p17}) and stretches the phone loop
 * absorbed ({@code g_AA} …, speech the script lacks).
 * <ul>
 *   <li>a word the decoder squeezed to its minimum length (3 frames a phone) was not said: left out;</li>
 *   <li>one or two script words left out where the loop absorbed about as much speech as they take are a swapped
 *       word: captioned as the script's word at the time it was spoken;</li>
 *   <li>other loop stretches are speech with no counterpart in the script: reported as uncaptioned.</li>
 * </ul>
 */
final class SpokenWords {
    /** pocketsphinx's models have 3 states a phone, each at least one 10 ms frame. */
    static final double MIN_PHONE_SECONDS = 0.03;
    /** A typical phone in conversational speech: sizes the stretch a swapped word may take. */
    private static final double PHONE_SECONDS = 0.08;
    /** Loop hits closer than this belong to one stretch (a short pause inside an added phrase). */
    private static final double JOIN_GAP = 0.15;
    /** Shorter loop stretches are breaths and noises, not speech. */
    static final double MIN_UNCAPTIONED = 0.25;
    /**
     * How much of a loop stretch is speech the script lacks: its phones, each at most a slow speaker's phone
     * ({@link #longest}'s 0.15 s a phone). A longer loop phone is frames the decoder parked because it could fit them
     * to nothing better — often script words in a voice the model fits badly (tuning clip 93: one "D" over 0.59 s
     * of "ville un matin de brouillard", which then had no room and was lost).
     */
    private static final double SLOW_PHONE = 0.15;

    private static final int MAX_SWAPPED_WORDS = 2;

    private SpokenWords() {}

    static boolean squeezed(int phones, double seconds) {
        return seconds <= MIN_PHONE_SECONDS * phones + 0.005;
    }

    /** Longer than a slow speaker takes: speech the script lacks was stretched into the word. */
    static double longest(int phones, String key) {
        return Math.max(0.5, 0.3 + 0.15 * phones);
    }

    /** Neither squeezed nor stretched: a length a script word can have when it is said. */
    static boolean plausible(int phones, String key, double seconds) {
        return !squeezed(phones, seconds) && seconds <= longest(phones, key);
    }

    private record Placed(int position, Word word) {}

    /**
     * An alignment read: the timed words and the uncaptioned stretches, and those stretches each cut to the time of
     * its phones ({@link #SLOW_PHONE}): what {@link Confidence} counts as taken when it looks for room for a word.
     */
    record Reading(TimedWords timed, List<Stretch> loopSpeech) {}

    static Reading read(List<ScriptWord> words, int[] phones, List<Hit> hits) {
        List<Placed> placed = new ArrayList<>();
        List<double[]> loops = new ArrayList<>(); // start, end, seconds of its phones (each at most SLOW_PHONE)
        for (Hit h : hits) {
            if (h.word().startsWith("p")) {
                int i = Integer.parseInt(h.word().substring(1));
                double end = Math.max(h.start(), h.end());
                if (!squeezed(phones[i], end - h.start()))
                    placed.add(new Placed(i, new Word(words.get(i).text(), h.start(), end)));
            } else if (h.word().startsWith("g_")) {
                double[] last = loops.isEmpty() ? null : loops.get(loops.size() - 1);
                double phone = Math.min(SLOW_PHONE, Math.max(0, h.end() - h.start()));
                if (last != null && h.start() - last[1] <= JOIN_GAP && !wordBetween(placed, last[1], h.start())) {
                    last[1] = h.end();
                    last[2] += phone;
                } else loops.add(new double[] {h.start(), h.end(), phone});
            }
        }
        List<Stretch> uncaptioned = new ArrayList<>(), loopSpeech = new ArrayList<>();
        for (double[] loop : loops) {
            if (!placeSwapped(words, phones, placed, loop) && loop[1] - loop[0] >= MIN_UNCAPTIONED) {
                uncaptioned.add(new Stretch(loop[0], loop[1]));
                loopSpeech.add(new Stretch(loop[0], Math.min(loop[1], loop[0] + loop[2])));
            }
        }
        placed.sort((a, b) -> Double.compare(a.word().start(), b.word().start()));
        List<Word> out = new ArrayList<>();
        for (int k = 0; k < placed.size(); k++) {
            Word w = placed.get(k).word();
            if (k + 1 < placed.size() && w.end() > placed.get(k + 1).word().start())
                w = new Word(
                        w.text(),
                        w.start(),
                        Math.max(w.start(), placed.get(k + 1).word().start()));
            out.add(w);
        }
        return new Reading(new TimedWords(out, uncaptioned), loopSpeech);
    }

    private static boolean wordBetween(List<Placed> placed, double from, double to) {
        return !placed.isEmpty()
                && placed.get(placed.size() - 1).word().start() >= from
                && placed.get(placed.size() - 1).word().start() < to;
    }

    /**
     * The loop stretch between two found words where one or two script words were left out, and about as long
     * as they are: the speaker said another word there. The script's words take its time.
     */
    private static boolean placeSwapped(List<ScriptWord> words, int[] phones, List<Placed> placed, double[] loop) {
        int before = -1, after = words.size();
        double prevEnd = 0, nextStart = Double.MAX_VALUE;
        for (Placed p : placed) {
            if (p.word().end() <= loop[0] + 0.01 && p.position() > before) {
                before = p.position();
                prevEnd = p.word().end();
            }
            if (p.word().start() >= loop[1] - 0.01 && p.position() < after) {
                after = p.position();
                nextStart = p.word().start();
            }
        }
        int missing = after - before - 1;
        if (missing < 1 || missing > MAX_SWAPPED_WORDS || after >= words.size() && before < 0) return false;
        int phoneCount = 0;
        for (int i = before + 1; i < after; i++) phoneCount += phones[i];
        double expected = PHONE_SECONDS * phoneCount, length = loop[1] - loop[0];
        if (length < 0.4 * expected || length > 2.5 * expected + 0.15) return false;
        if (loop[0] < prevEnd - 0.01 || loop[1] > nextStart + 0.01) return false;
        List<ScriptWord> swapped = words.subList(before + 1, after);
        List<Word> spread = Reconciler.spread(swapped, loop[0], loop[1]);
        for (int k = 0; k < spread.size(); k++) placed.add(new Placed(before + 1 + k, spread.get(k)));
        return true;
    }
}
