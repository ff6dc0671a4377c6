package io.reelsmith.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.video.Storyboard;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both plans of an 8-block video side by side, from the catalogue's prices and quotas; nothing is called. */
class PlanComparisonTest {
    static GoogleConfig config(String... more) {
        Map<String, String> env = new HashMap<>(
                Map.of("REELSMITH_GOOGLE_VERTEX", "true", "GOOGLE_CLOUD_PROJECT", "p", "GEMINI_API_KEY", "k"));
        for (int i = 0; i + 1 < more.length; i += 2) env.put(more[i], more[i + 1]);
        return ConfigLoader.fromEnvironment(env).google();
    }

    @Test
    void onVertexTheParallelPlanIsOneVideoCallLatencyForEightBlocksAndBillsEightSecondClips() {
        PlanComparison c = PlanComparison.of(config(), 8, 1, true);
        PlanComparison.Figures continuous = c.of(TakePlan.CONTINUOUS), parallel = c.of(TakePlan.PARALLEL);
        assertThat(continuous.billedSeconds()).isEqualTo(58);
        assertThat(continuous.usd()).isEqualByComparingTo("23.32");
        assertThat(continuous.wall()).isEqualTo("8 L + 1 image call");
        // before the script: 9 keyframes, 8 clips of 8 s (each block's lines taken to fill its 7 s: an upper bound),
        // all 8 at once (the catalogue's quota: 10)
        assertThat(parallel.billedSeconds()).isEqualTo(64);
        assertThat(parallel.imageCalls()).isEqualTo(10);
        assertThat(parallel.usd()).isEqualByComparingTo("26.33");
        assertThat(parallel.wall()).isEqualTo("1 L + 3 image calls");
        assertThat(c.describe(TakePlan.PARALLEL))
                .contains("parallel (chosen)")
                .contains("$26.33")
                .contains("$23.32");
    }

    @Test
    void withTheScriptsWordsVertexFilmsSixSecondClipsWhereTheLinesFitAndBillsWhatTheContinuousTakeBills() {
        List<Integer> words = List.of(6, 6, 6, 6, 14, 6, 6, 6); // block 5's 14 words need 6.5 s: it keeps 8 s
        PlanComparison c = PlanComparison.of(config(), 8, 1, true, words);
        PlanComparison.Figures continuous = c.of(TakePlan.CONTINUOUS), parallel = c.of(TakePlan.PARALLEL);
        assertThat(ParallelPlan.of(config(), 8, words).clipSeconds()).containsExactly(8, 8, 6, 8, 8, 6, 6, 8);
        assertThat(parallel.billedSeconds())
                .isEqualTo(continuous.billedSeconds())
                .isEqualTo(58);
        assertThat(parallel.usd().subtract(continuous.usd())).isEqualByComparingTo("0.60"); // the 9 keyframes
        assertThat(parallel.usd().doubleValue() / continuous.usd().doubleValue())
                .isLessThan(1.10);
        assertThat(c.describe(TakePlan.PARALLEL)).contains("58 s").contains("$23.92");
    }

    @Test
    void theProjectsConcurrencyDecidesHowManyVideoCallsWaitForOneAnother() {
        PlanComparison c = PlanComparison.of(config("REELSMITH_VEO_MAX_CONCURRENT", "2"), 8, 0, false);
        assertThat(c.concurrency()).isEqualTo(2);
        assertThat(c.of(TakePlan.PARALLEL).wall()).isEqualTo("4 L + 2 image calls");
        assertThat(c.of(TakePlan.CONTINUOUS).wall()).isEqualTo("8 L");
    }

    @Test
    void withOmniEveryBlockKeepsItsPlannedSecondsSoOnlyTheKeyframesCostMore() {
        PlanComparison c = PlanComparison.of(config("REELSMITH_GOOGLE_VERTEX", "false"), 8, 1, true);
        assertThat(c.of(TakePlan.PARALLEL).billedSeconds())
                .isEqualTo(c.of(TakePlan.CONTINUOUS).billedSeconds())
                .isEqualTo(57);
        assertThat(c.of(TakePlan.PARALLEL)
                        .usd()
                        .subtract(c.of(TakePlan.CONTINUOUS).usd()))
                .isEqualByComparingTo("0.60"); // 9 x $0.067, rounded up
        assertThat(c.of(TakePlan.PARALLEL).wall()).isEqualTo("2 L + 3 image calls"); // Omni's default quota: 4 at once
    }

    @Test
    void beforeTheScriptThePlanShowsTheWordBudgetItsWriterIsToldAndWhatAScriptKeepingItBills(@TempDir Path dir)
            throws Exception {
        JobSpec spec =
                new JobSpec("rain", List.of(new CharacterProfile("Nano", "", "cartoon")), 8, "en", TakePlan.PARALLEL);
        String plan = GooglePlan.of(config(), SpendLimits.NONE, spec, new Workspace(dir))
                .describe();
        assertThat(plan)
                .contains("at most 64 s billed") // the reservation stays the upper bound: the script may break it
                .contains("told at most 15/15/12/15/12/15/12/15 words a block")
                .contains("filmed in 58 s");
        // Omni films whole seconds: its writer keeps its own 15 words, the bound is already the continuous seconds
        String omni = GooglePlan.of(
                        config("REELSMITH_GOOGLE_VERTEX", "false"), SpendLimits.NONE, spec, new Workspace(dir))
                .describe();
        assertThat(omni).doesNotContain("told at most");
    }

    @Test
    void aModelThatFilmsNoClipBetweenTwoFramesIsRefusedTheParallelPlanBeforeAnything(@TempDir Path dir) {
        GoogleConfig lite = config("REELSMITH_GOOGLE_VIDEO_MODEL", "veo-3.1-lite-generate-001");
        assertThat(PlanComparison.of(lite, 4, 1, true).of(TakePlan.PARALLEL).refusal())
                .contains("veo-3.1-lite-generate-001")
                .contains("--plan continuous");
        JobSpec spec =
                new JobSpec("rain", List.of(new CharacterProfile("Nano", "", "cartoon")), 4, "en", TakePlan.PARALLEL);
        assertThatThrownBy(() -> GooglePlan.of(lite, SpendLimits.NONE, spec, new Workspace(dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first and a last frame");
    }

    @Test
    void keyframesAreDrawnInTwoRoundsByDefaultOrOneByOneInAChain() {
        assertThat(Storyboard.rounds(Storyboard.Order.ANCHOR, 3)).containsExactly(List.of(0), List.of(1, 2, 3));
        assertThat(Storyboard.rounds(Storyboard.Order.CHAIN, 3))
                .containsExactly(List.of(0), List.of(1), List.of(2), List.of(3));
        assertThat(Storyboard.follows(Storyboard.Order.ANCHOR, 3)).isZero();
        assertThat(Storyboard.follows(Storyboard.Order.CHAIN, 3)).isEqualTo(2);
        assertThat(Storyboard.order(config().keyframeOrder())).isEqualTo(Storyboard.Order.ANCHOR);
        assertThat(Storyboard.order(config("REELSMITH_KEYFRAME_ORDER", "chain").keyframeOrder()))
                .isEqualTo(Storyboard.Order.CHAIN);
        assertThatThrownBy(() -> config("REELSMITH_KEYFRAME_ORDER", "sideways"))
                .hasMessageContaining("anchor or chain");
    }
}
