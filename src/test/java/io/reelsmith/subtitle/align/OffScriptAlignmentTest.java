package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.kernel.Word;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.testkit.FreshSpeech;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speech that leaves its script three ways at once, aligned with no recogniser. */
class OffScriptAlignmentTest {
    static final String SCRIPT =
            "Hello there, Kwirlo! Where is the treasure map? Branxtella found it under the old bridge yesterday. "
                    + "Zorbleflux packed two lanterns, a rope, a warm blanket, and a small brass compass.";
    /** A sentence added, "old" said as "stone", "a warm blanket," never said. */
    static final String SPOKEN =
            "Hello there, Kwirlo! Did you sleep well last night? Where is the treasure map? Branxtella found it under the "
                    + "stone bridge yesterday. Zorbleflux packed two lanterns, a rope, and a small brass compass.";

    @Test
    void leavesOutWhatWasNotSaidKeepsTheRestWhereItIsSaidAndReportsTheAddedSentence(@TempDir Path dir)
            throws Exception {
        Speech said = FreshSpeech.speak(SPOKEN, Voice.forSpeaker("en", 0), dir.resolve("said.wav"));

        TimedWords timed = new SphinxAligner().timeSpeech(said.wav(), SCRIPT, "en");

        List<String> texts = timed.words().stream().map(Word::text).toList();
        assertThat(texts).doesNotContain("warm", "blanket,").contains("Kwirlo!", "Branxtella", "Zorbleflux");
        for (Word w : timed.words()) {
            // every caption is within 0.5 s of a spoken word of the same text, or (the swap) of the word said in its
            // place
            boolean near = said.words().stream()
                    .anyMatch(t -> (t.text().equals(w.text())
                                    || t.text().equals("stone") && w.text().equals("old"))
                            && Math.abs(t.start() - w.start()) < 0.5);
            assertThat(near).as(w + " in " + timed.words()).isTrue();
        }
        Word did = said.words().get(3), night = said.words().get(8);
        assertThat(did.text()).isEqualTo("Did");
        // reported from its first word to its last, within half a second (the bound every caption above is held
        // to), in one stretch or in pieces: espeak-ng's audio, and so the aligner's cut, varies a little with what
        // the library said before in the same process (its synthesis state is global; the same text came out 50 ms
        // longer after another voice), and on one such variant the sentence was reported as two stretches
        List<TimedWords.Stretch> added = timed.uncaptioned().stream()
                .filter(s -> s.end() > did.start() - 0.5 && s.start() < night.end() + 0.5)
                .toList();
        assertThat(added)
                .as("the added sentence is reported: %s", timed.uncaptioned())
                .isNotEmpty();
        assertThat(added.get(0).start()).as("from its first word").isCloseTo(did.start(), within(0.5));
        assertThat(added.get(added.size() - 1).end()).as("to its last word").isGreaterThan(night.start());
        assertThat(timed.words()).noneSatisfy(w -> assertThat(w.start()).isBetween(did.start(), night.start()));
    }
}
