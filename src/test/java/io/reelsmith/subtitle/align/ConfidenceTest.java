package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.align.Pocketsphinx.Hit;
import io.reelsmith.subtitle.align.ScriptWords.ScriptWord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link Confidence} vouches for, on alignments given by hand over a synthetic sound (tones where words are
 * said, near-silence elsewhere): no decoder runs, so each case takes milliseconds.
 */
class ConfidenceTest {
    private static final List<ScriptWord> SCRIPT =
            ScriptWords.split("Marlow carried seven baskets across bridges toward markets.");
    private static final int[] PHONES = {5, 5, 5, 6, 5, 6, 5, 6};
    /** Where each word is said: a 0.6 s pause after "carried". */
    private static final double[][] SAID = {
        {0.5, 0.9}, {0.95, 1.35}, {1.95, 2.35}, {2.4, 2.85}, {2.9, 3.3}, {3.35, 3.8}, {3.85, 4.25}, {4.3, 4.75}
    };

    private static final double SECONDS = 5.5;

    @TempDir
    Path dir;

    @Test
    void speechTheDecoderCalledSilenceBreaksARun() throws Exception {
        // every word placed; between "carried" and "seven" the decoder put 0.6 s of silence
        List<Word> placed = new ArrayList<>();
        for (int i = 0; i < 8; i++) placed.add(word(i));
        TimedWords aligned = new TimedWords(placed, List.of());

        List<Word> quiet = Confidence.apply(SCRIPT, PHONES, aligned, SECONDS, wav(List.of(SAID)), null)
                .words();
        assertThat(quiet).allMatch(Word::timed);

        // the same alignment where that pause is as loud as speech: a sentence the script lacks, with "Marlow
        // carried" perhaps pulled onto it (tuning clips 31 and 37), so the two words no longer vouch for each other
        List<double[]> loud = new ArrayList<>(List.of(SAID));
        loud.add(new double[] {1.4, 1.9});
        List<Word> withSpeech = Confidence.apply(SCRIPT, PHONES, aligned, SECONDS, wav(loud), null)
                .words();
        assertThat(withSpeech.subList(0, 2)).noneMatch(Word::timed);
        assertThat(withSpeech.subList(2, 8)).allMatch(Word::timed);
    }

    @Test
    void theSecondLookDecidesWhichUnplacedWordsWereSaid() throws Exception {
        // pass 1 placed words 0-2 and 5-7 (two trusted runs) and lost "baskets across" (3, 4) to the phone loop
        List<Word> placed = new ArrayList<>();
        for (int i : new int[] {0, 1, 2, 5, 6, 7}) placed.add(word(i));
        TimedWords aligned = new TimedWords(placed, List.of(new TimedWords.Stretch(2.4, 3.3)));
        Path wav = wav(List.of(SAID));
        // without a second look the loop's stretch leaves them no room: both left out, though "baskets" was said
        assertThat(Confidence.apply(SCRIPT, PHONES, aligned, SECONDS, wav, null).words())
                .hasSize(6);
        // the second decode places "baskets" where it is said and squeezes "across" to 3 frames a phone: not said
        SecondLook.Decoder second = widest -> List.of(new Hit("p3", 2.41, 2.85), new Hit("p4", 2.86, 3.01));

        List<Word> out =
                Confidence.apply(SCRIPT, PHONES, aligned, SECONDS, wav, second).words();

        assertThat(out)
                .extracting(Word::text)
                .containsExactly("Marlow", "carried", "seven", "baskets", "bridges", "toward", "markets.");
        Word baskets = out.get(3);
        assertThat(baskets.timed()).isFalse();
        assertThat(baskets.start()).isEqualTo(2.35);
        assertThat(baskets.end()).isEqualTo(3.35);
        // a word the second decode puts far outside the stretch between the trusted words is not vouched for
        SecondLook.Decoder far = widest -> List.of(new Hit("p3", 4.8, 5.2));
        assertThat(Confidence.apply(SCRIPT, PHONES, aligned, SECONDS, wav, far).words())
                .extracting(Word::text)
                .doesNotContain("baskets");
    }

    @Test
    void aSecondLookThatNeedsTheWidestSearchMayOnlyVouchForWords() throws Exception {
        // as above, but the usual beams cannot match the second look's grammar (tuning clip 93: French under
        // effects); the widest search places "baskets" and skips "across", which was said too (clip 56: it skipped a
        // whole said sentence). "baskets" is vouched for; "across" is left to the room rule, as without a second look
        List<Word> placed = new ArrayList<>();
        for (int i : new int[] {0, 1, 2, 5, 6, 7}) placed.add(word(i));
        TimedWords aligned = new TimedWords(placed, List.of());
        List<Boolean> searches = new ArrayList<>();
        SecondLook.Decoder second = widest -> {
            searches.add(widest);
            return widest ? List.of(new Hit("p3", 2.41, 2.85)) : null;
        };

        List<Word> out = Confidence.apply(SCRIPT, PHONES, aligned, SECONDS, wav(List.of(SAID)), second)
                .words();

        assertThat(searches).containsExactly(false, true);
        assertThat(out).extracting(Word::text).containsSubsequence("seven", "baskets", "across", "bridges");
        // a usual-beams answer still decides both ways: "across" squeezed there is not said
        SecondLook.Decoder usual = widest -> List.of(new Hit("p3", 2.41, 2.85), new Hit("p4", 2.86, 3.01));
        assertThat(Confidence.apply(SCRIPT, PHONES, aligned, SECONDS, wav(List.of(SAID)), usual)
                        .words())
                .extracting(Word::text)
                .contains("baskets")
                .doesNotContain("across");
    }

    @Test
    void aLoopPhoneStretchedOverSaidWordsLeavesThemRoom() throws Exception {
        // the loop took "baskets across bridges" (2.4-3.75 s) with one phone held 1.3 s: frames the decoder parked,
        // not a sentence the script lacks (tuning clip 93: one "D" over 0.59 s of "ville un matin de brouillard")
        List<Hit> hits = new ArrayList<>();
        for (int i : new int[] {0, 1, 2, 6, 7}) hits.add(new Hit("p" + i, SAID[i][0], SAID[i][1]));
        List<Hit> parked = new ArrayList<>(hits);
        parked.addAll(3, List.of(new Hit("g_D", 2.4, 3.7), new Hit("g_AA", 3.7, 3.75)));
        SpokenWords.Reading reading = SpokenWords.read(SCRIPT, PHONES, parked);
        assertThat(reading.timed().uncaptioned()).containsExactly(new TimedWords.Stretch(2.4, 3.75));

        List<Word> out = Confidence.apply(SCRIPT, PHONES, reading, SECONDS, wav(List.of(SAID)), null)
                .words();

        assertThat(out).extracting(Word::text).containsSubsequence("seven", "baskets", "across", "bridges", "toward");
        assertThat(out.subList(3, 6)).noneMatch(Word::timed);
        // the same stretch as phones of a usual length is speech the script lacks: no room, left out
        List<Hit> spoken = new ArrayList<>(hits);
        List<Hit> loop = new ArrayList<>();
        for (int k = 0; k < 15; k++) loop.add(new Hit("g_AA", 2.4 + 0.09 * k, 2.49 + 0.09 * k));
        spoken.addAll(3, loop);
        assertThat(Confidence.apply(
                                SCRIPT,
                                PHONES,
                                SpokenWords.read(SCRIPT, PHONES, spoken),
                                SECONDS,
                                wav(List.of(SAID)),
                                null)
                        .words())
                .extracting(Word::text)
                .doesNotContain("baskets", "across", "bridges");
    }

    @Test
    void withNothingPlacedTheScriptIsShownUnTimedOverItsSentencesSpeech() throws Exception {
        // held-out clips 89 and 91: no pass placed a word; the script was lost (an exception), or shown over the
        // whole file, lead-in and tail included. Now each sentence is shown over its stretch of speech: the pause
        // after "carried." is the only one as long as a sentence break
        List<ScriptWord> two = ScriptWords.split("Marlow carried. Seven baskets across bridges toward markets.");
        TimedWords nothing = new TimedWords(List.of(), List.of());

        List<Word> out = Confidence.apply(two, PHONES, nothing, SECONDS, wav(List.of(SAID)), null)
                .words();

        assertThat(out)
                .extracting(Word::text)
                .containsExactlyElementsOf(two.stream().map(ScriptWord::text).toList());
        assertThat(out).noneMatch(Word::timed);
        for (int i = 0; i < out.size(); i++) {
            Word w = out.get(i);
            assertThat(SAID[i][0]).as(w.text() + "'s stretch holds it").isBetween(w.start(), w.end());
            assertThat(w.start()).as("not over the silent lead-in").isGreaterThan(0.2);
            assertThat(w.end()).as("nor the silent tail").isLessThan(5.1);
        }
        assertThat(out.get(1).end())
                .as("the first sentence ends before the second begins")
                .isLessThan(SAID[2][0]);
        assertThat(out.get(2).start()).isGreaterThan(SAID[1][1]);

        // one sentence: one stretch for all the speech
        List<Word> one = Confidence.apply(SCRIPT, PHONES, nothing, SECONDS, wav(List.of(SAID)), null)
                .words();
        assertThat(one).hasSize(8).noneMatch(Word::timed).allMatch(w -> w.start() > 0.2 && w.end() < 5.1);
        assertThat(one).extracting(Word::start).containsOnly(one.get(0).start());
    }

    private static Word word(int i) {
        return new Word(SCRIPT.get(i).text(), SAID[i][0], SAID[i][1]);
    }

    private Path wav(List<double[]> loud) throws Exception {
        return Tones.wav(dir.resolve("speech-" + System.nanoTime() + ".wav"), SECONDS, loud);
    }
}
