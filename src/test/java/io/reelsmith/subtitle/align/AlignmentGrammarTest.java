package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammars' skips: what the decoder may leave out, and at what cost. */
class AlignmentGrammarTest {
    /** One sentence of twelve words, as tuning clip 71's last ("Quembrisk mended it [with a length of wire] …"). */
    private static final List<int[]> SENTENCE = List.<int[]>of(new int[] {0, 12});

    @Test
    void theSecondLookLeavesOutAPhraseOfAtMostHalfItsSentence() {
        String fsg = AlignmentGrammar.secondLook(0, 12, SENTENCE);

        assertThat(fsg).contains("TRANSITION 3 8 1.0E-12"); // "with a length of wire": five words
        assertThat(fsg).contains("TRANSITION 0 6 1.0E-12"); // six of twelve
        assertThat(fsg).doesNotContain("TRANSITION 0 9 1.0E-12"); // "Quembrisk mended it … while": nine
        assertThat(fsg).doesNotContain("TRANSITION 0 7 1.0E-12");
        assertThat(fsg).contains("TRANSITION 0 12 1.0E-12"); // the whole sentence still may be left out
        assertThat(fsg).doesNotContain("g_"); // no phone loop
    }

    @Test
    void passOnesDeviationGrammarStillLeavesOutAnyRunInsideASentence() {
        String fsg = AlignmentGrammar.fsg(0, 12, SENTENCE);

        assertThat(fsg).contains("TRANSITION 0 9 1.0E-12", "TRANSITION 1 12 1.0E-12", "g_AA");
    }
}
