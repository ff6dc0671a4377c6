package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Word;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.testkit.FreshSpeech;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SphinxAlignerTest {
    private static final String SCRIPT =
            "Hello there, Kwirlo! Where is the treasure map? Branxtella found it under the old bridge yesterday. "
                    + "We should go there before the sun sets. The river is cold and deep at night.";

    private final SphinxAligner aligner = new SphinxAligner();

    @Test
    void timesEveryScriptWordWithinFortyMillisecondsMedian(@TempDir Path dir) throws Exception {
        Speech said = FreshSpeech.speak(SCRIPT, Voice.forSpeaker("en", 1), dir.resolve("said.wav"));

        List<Word> timed = aligner.time(said.wav(), SCRIPT, "en");

        assertThat(timed)
                .extracting(Word::text)
                .containsExactlyElementsOf(said.words().stream().map(Word::text).toList());
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < timed.size(); i++)
            errors.add(Math.abs(timed.get(i).start() - said.words().get(i).start()) * 1000);
        errors.sort(null);
        assertThat(errors.get(errors.size() / 2)).as("median start error ms").isLessThanOrEqualTo(40);
        assertThat(errors.get(errors.size() - 1)).as("worst start error ms").isLessThanOrEqualTo(150);
    }

    @Test
    void survivesAWordAddedAWordDroppedAndASentenceSkipped(@TempDir Path dir) throws Exception {
        // said: "really" added, "old" dropped, the sentence about the sun skipped
        String spoken =
                "Hello there, Kwirlo! Where is the treasure map really? Branxtella found it under the bridge yesterday. "
                        + "The river is cold and deep at night.";
        Speech said = FreshSpeech.speak(spoken, Voice.forSpeaker("en", 0), dir.resolve("said.wav"));

        List<Word> timed = aligner.time(said.wav(), SCRIPT, "en");

        List<String> texts = timed.stream().map(Word::text).toList();
        assertThat(texts).doesNotContain("sun", "sets.", "before", "old");
        // every word both in the script and in the speech is captioned close to where it was said, or un-timed over a
        // stretch that holds it (issue #26: a word the aligner cannot vouch for loses its highlight, not its caption)
        List<Word> expected = said.words().stream()
                .filter(w -> !w.text().equals("map"))
                .filter(w -> !w.text().equals("really?"))
                .toList();
        for (Word truth : expected) {
            assertOneMatches(
                    timed,
                    w -> w.text().equals(truth.text())
                            && (w.timed()
                                    ? Math.abs(w.start() - truth.start()) < 0.15
                                    : truth.start() >= w.start() - 0.05 && truth.start() <= w.end() + 0.05),
                    "'" + truth.text() + "' said at " + truth.start() + " in " + timed);
        }
    }

    @Test
    void survivesASentenceAddedThatIsNotInTheScript(@TempDir Path dir) throws Exception {
        String spoken =
                "Hello there, Kwirlo! Suddenly a huge purple elephant walked into the kitchen and ate all the cookies. "
                        + "Where is the treasure map? Branxtella found it under the old bridge yesterday.";
        Speech said = FreshSpeech.speak(spoken, Voice.forSpeaker("en", 0), dir.resolve("said.wav"));
        String script =
                "Hello there, Kwirlo! Where is the treasure map? Branxtella found it under the old bridge yesterday.";

        List<Word> timed = aligner.time(said.wav(), script, "en");

        assertThat(timed).extracting(Word::text).containsExactly(script.split(" "));
        // A timed word sits where it is said; an un-timed one (issue #26: no highlight rather than a wrong one)
        // spans the stretch that holds it. Which of the two the opening words get depends on espeak-ng's audio,
        // which differs a little with what the library said before (its state is global): both are right.
        for (Word w : timed) {
            assertOneMatches(
                    said.words(),
                    t -> t.text().equals(w.text())
                            && (w.timed()
                                    ? Math.abs(t.start() - w.start()) < 0.1
                                    : t.start() >= w.start() - 0.05 && t.start() <= w.end() + 0.05),
                    "'" + w.text() + "' timed at " + w.start() + "; said: " + said.words());
        }
        assertThat(timed.stream().filter(Word::timed).count())
                .as("most script words keep their highlight: " + timed)
                .isGreaterThanOrEqualTo(timed.size() * 3 / 4);
    }

    @Test
    void theChunkedPassFindsSentencesFromRecognisedAnchors(@TempDir Path dir) throws Exception {
        // the pass used when the whole-text grammar cannot be matched: anchors from free recognition, then
        // each sentence aligned in its own window; here the "sun" sentence is not said
        String spoken =
                "Hello there, Kwirlo! Where is the treasure map? Branxtella found it under the old bridge yesterday. "
                        + "The river is cold and deep at night.";
        Speech said = FreshSpeech.speak(spoken, Voice.forSpeaker("en", 2), dir.resolve("said.wav"));
        SphinxAligner chunked = new SphinxAligner(new Pocketsphinx(Pocketsphinx.DEFAULT_MODEL, false), false);

        List<Word> timed = chunked.time(said.wav(), SCRIPT, "en");

        assertThat(timed.stream().map(Word::text).toList()).doesNotContain("sun", "sets.");
        int close = 0;
        for (Word truth : said.words()) {
            if (timed.stream()
                    .anyMatch(w -> w.text().equals(truth.text()) && Math.abs(w.start() - truth.start()) < 0.1)) close++;
        }
        assertThat(close)
                .as("words timed within 100 ms of " + said.words().size() + ": " + timed)
                .isGreaterThanOrEqualTo(said.words().size() - 2);
    }

    @Test
    void whatCannotBeAlignedIsShownUnTimedWhereTheSoundIs(@TempDir Path dir) throws Exception {
        // a hum where speech should be: no pass can place a word (held-out clips 89 and 91 failed the same way and got
        // no captions at all); the script is still captioned, un-timed, over the stretch with sound, never elsewhere
        Path hum = Tones.wav(dir.resolve("hum.wav"), 2.5, List.of(new double[] {0.8, 1.8}));
        String script = "Hello there, Kwirlo!";

        List<Word> timed = aligner.time(hum, script, "en");

        assertThat(timed).extracting(Word::text).containsExactly(script.split(" "));
        assertThat(timed).noneMatch(Word::timed);
        assertThat(timed)
                .as("each word over the sound, lead-in and tail left out: " + timed)
                .allMatch(w -> w.start() <= 0.8 && w.start() > 0.4 && w.end() >= 1.8 && w.end() < 2.2);
    }

    private static void assertOneMatches(List<Word> words, Predicate<Word> match, String what) {
        assertThat(words).as(what).anyMatch(match);
    }
}
