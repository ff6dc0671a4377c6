package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

    @Test
    void theWordBudgetIsWhatTheTimedClipsHoldAndAScriptKeepingItGetsThem() {
        List<Integer> budget = FirstLastPlan.wordBudget(PLANNED, VERTEX_VEO);
        assertThat(budget).containsExactly(15, 15, 12, 15, 12, 15, 12, 15); // 6 s hold 12 words at 7 s per 15
        assertThat(FirstLastPlan.clipSeconds(PLANNED, budget, VERTEX_VEO)).containsExactly(8, 8, 6, 8, 6, 8, 6, 8);
        // one word over in a 6 s block: that clip grows to 8 s (never cut), the take bills more
        List<Integer> over = new ArrayList<>(budget);
        over.set(2, 13);
        assertThat(sum(FirstLastPlan.clipSeconds(PLANNED, over, VERTEX_VEO))).isGreaterThan(58);
        // 20 blocks (141 s planned): within a second of the plan, at most what the continuous take bills (144 s)
        List<Integer> planned20 = new ArrayList<>(List.of(8));
        planned20.addAll(Collections.nCopies(19, 7));
        List<Integer> budget20 = FirstLastPlan.wordBudget(planned20, VERTEX_VEO);
        assertThat(sum(FirstLastPlan.clipSeconds(planned20, budget20, VERTEX_VEO)))
                .isBetween(141, 142);
    }

    @Test
    void whereEveryClipKeepsItsPlannedSecondsTheBudgetIsTheWritersOwn() {
        assertThat(FirstLastPlan.wordBudget(PLANNED, OMNI)).containsOnly(FirstLastPlan.MAX_WORDS);
        assertThat(FirstLastPlan.wordBudget(PLANNED, List.of(8))).containsOnly(FirstLastPlan.MAX_WORDS);
        assertThat(FirstLastPlan.wordsHeld(List.of(4, 6, 7, 8))).containsExactly(8, 12, 15, 15);
    }
}
