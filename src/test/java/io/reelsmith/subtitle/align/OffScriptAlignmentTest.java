package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Word;
import io.reelsmith.speech.Espeak;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.Voice;
import io.reelsmith.subtitle.TimedWords;
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
        Speech said = Espeak.get().speak(SPOKEN, Voice.forSpeaker("en", 0), dir.resolve("said.wav"));

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
        // reported from within half a second of its first word, the bound every caption above is held to: where
        // in that half second depends on espeak-ng's audio, which varies a little with what the library said before
        assertThat(timed.uncaptioned())
                .as("the added sentence is reported")
                .anySatisfy(s -> assertThat(s.start())
                        .isLessThan(did.start() + 0.5)
                        .satisfies(x -> assertThat(s.end()).isGreaterThan(night.start())));
        assertThat(timed.words()).noneSatisfy(w -> assertThat(w.start()).isBetween(did.start(), night.start()));
    }
}
