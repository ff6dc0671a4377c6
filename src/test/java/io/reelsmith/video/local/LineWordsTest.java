package io.reelsmith.video.local;

import io.reelsmith.subtitle.Word;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LineWordsTest {
    @Test
    void aWordSpokenInsideTheOneBeforeSharesItsTime() {
        // espeak-ng speaks "of the" as one unit and reports only "of".
        List<Word> tts = List.of(new Word("secret", 1.0, 1.5), new Word("of", 1.5, 1.9), new Word("lost", 2.0, 2.3));
        List<Word> w = LineWords.reconcile("secret of the lost", tts);
        assertThat(w).extracting(Word::text).containsExactly("secret", "of", "the", "lost");
        assertThat(w.get(1).start()).isEqualTo(1.5);
        assertThat(w.get(2).start()).isGreaterThan(1.5);
        assertThat(w.get(2).end()).isLessThanOrEqualTo(2.0);
        assertThat(w.get(3).start()).isEqualTo(2.0);
    }

    @Test
    void aRepeatedEventIsDroppedAndPunctuationStaysWithItsWord() {
        List<Word> tts = List.of(new Word("We", 0, 0.14), new Word("did", 0.14, 0.4), new Word("it.", 0.4, 0.57),
                new Word("We", 0.9, 0.95), new Word("That", 0.95, 1.3), new Word("is", 1.3, 1.43), new Word("it.", 1.43, 1.6));
        List<Word> w = LineWords.reconcile("We did it. That is it — really", tts);
        assertThat(w).extracting(Word::text).containsExactly("We", "did", "it.", "That", "is", "it —", "really");
        assertThat(w.get(3).start()).isCloseTo(0.95, within(1e-9));
        for (int i = 1; i < w.size(); i++) assertThat(w.get(i).start()).isGreaterThanOrEqualTo(w.get(i - 1).end() - 1e-9);
    }

    @Test
    void matchingWordsPassThroughUnchanged() {
        List<Word> tts = List.of(new Word("Où", 0, 0.2), new Word("est", 0.2, 0.4), new Word("Nano ?", 0.4, 0.9));
        assertThat(LineWords.reconcile("Où est Nano ?", tts)).isEqualTo(tts);
    }
}
