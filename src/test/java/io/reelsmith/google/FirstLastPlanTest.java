package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parallel plan's clip lengths: the shortest allowed that holds the block's words and keeps the take on time. */
class FirstLastPlanTest {
    static final List<Integer> PLANNED = List.of(8, 7, 7, 7, 7, 7, 7, 7); // 57 s
    static final List<Integer> VERTEX_VEO = List.of(4, 6, 8), OMNI = List.of(3, 4, 5, 6, 7, 8, 9, 10);

    static int sum(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void onVertexShortLinesTakeSixSecondClipsWhereTheTakeStaysOnTime() {
        List<Integer> clips = FirstLastPlan.clipSeconds(PLANNED, Collections.nCopies(8, 6), VERTEX_VEO);
        assertThat(clips).containsExactly(8, 8, 6, 8, 6, 8, 6, 8);
        assertThat(sum(clips)).isEqualTo(58); // the continuous take bills 58 s on Vertex AI too (one restart)
        int end = 0, planned = 0; // no block ends before the script's planned end, nor more than 2 s after it
        for (int k = 0; k < 8; k++) {
            end += clips.get(k);
            planned += PLANNED.get(k);
            assertThat(end - planned).isBetween(0, 1);
        }
    }

    @Test
    void aBlockWhoseLinesNeedMoreThanSixSecondsGetsEightNeverLess() {
        List<Integer> words = List.of(6, 6, 13, 6, 15, 6, 12, 6); // 13 and 15 words need 6.1 s and 7 s
        List<Integer> clips = FirstLastPlan.clipSeconds(PLANNED, words, VERTEX_VEO);
        assertThat(clips.get(2)).isEqualTo(8);
        assertThat(clips.get(4)).isEqualTo(8);
        for (int k = 0; k < 8; k++)
            assertThat(clips.get(k))
                    .isGreaterThanOrEqualTo((int) Math.ceil(words.get(k) * FirstLastPlan.SECONDS_PER_WORD));
    }

    @Test
    void beforeTheScriptEveryVertexBlockIsTakenAtEightSecondsAnUpperBound() {
        assertThat(FirstLastPlan.clipSeconds(PLANNED, null, VERTEX_VEO)).containsOnly(8);
        assertThat(FirstLastPlan.clipSeconds(PLANNED, null, List.of(8))).containsOnly(8); // the Gemini API's rule
    }

    @Test
    void omniKeepsEachBlocksPlannedSecondsWhateverItsWords() {
        assertThat(FirstLastPlan.clipSeconds(PLANNED, Collections.nCopies(8, 6), OMNI))
                .isEqualTo(PLANNED);
        assertThat(FirstLastPlan.clipSeconds(PLANNED, null, OMNI)).isEqualTo(PLANNED);
        // lines longer than the plan (the writer was asked for at most 15 words) stretch the block, never cut
        assertThat(FirstLastPlan.clipSeconds(List.of(8, 7), List.of(6, 19), OMNI))
                .containsExactly(8, 9);
    }

    @Test
    void wordsAreWhatHoldsALetterOrADigit() {
        assertThat(FirstLastPlan.words("  Look at the garden — it's 3 o'clock! "))
                .isEqualTo(7);
    }
}
