package io.reelsmith.app.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.google.CostEstimate;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.PriceTable;
import io.reelsmith.kernel.Step;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one breakdown: the estimate is its steps' calls, the gate a step's (prices from the catalogue, checked 2026-12-03). */
class StepCostsTest {
    static GoogleConfig config(String... env) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < env.length; i += 2) m.put(env[i], env[i + 1]);
        return ConfigLoader.fromEnvironment(m).google();
    }

    @Test
    void theEstimateIsTheSumOfItsStepsOnEveryBackEnd() {
        for (GoogleConfig c : new GoogleConfig[] {
            config("REELSMITH_GOOGLE_VERTEX", "true"),
            config(),
            config("REELSMITH_GOOGLE_VERTEX", "true", "REELSMITH_GOOGLE_VIDEO_MODE", "interpolate")
        }) {
            for (int blocks : new int[] {1, 4, 8, 12}) {
                StepCosts costs = new StepCosts(c, blocks, 2, true);
                CostEstimate estimate = CostEstimator.estimate(costs);
                BigDecimal steps = costs.usd(Step.all(blocks));
                assertThat(steps.setScale(2, RoundingMode.UP))
                        .as(c.describe() + ", " + blocks + " blocks")
                        .isEqualByComparingTo(estimate.totalUsd());
                assertThat(costs.usd(Step.RENDER)).isZero();
            }
        }
    }

    @Test
    void eachBlockIsPricedAsThePlanBillsIt() {
        GoogleConfig veo = config("REELSMITH_GOOGLE_VERTEX", "true");
        StepCosts v = StepCosts.ofRun(veo, 8);
        BigDecimal drift = veo.prices().perDriftCheck(),
                perSecond = veo.prices().videoPerSecond();
        assertThat(v.usd(Step.block(0)))
                .isEqualByComparingTo(perSecond.multiply(BigDecimal.valueOf(8)).add(drift));
        assertThat(v.usd(Step.block(1)))
                .isEqualByComparingTo(perSecond.multiply(BigDecimal.valueOf(7)).add(drift));
        // past Vertex AI's 30 s input a block restarts with a new 8 s clip: the gate asks for 8 s, as Google bills
        assertThat(v.usd(Step.block(5)))
                .isEqualByComparingTo(perSecond.multiply(BigDecimal.valueOf(8)).add(drift));
        assertThat(v.usd(Step.block(5).retake())).isEqualByComparingTo(v.usd(Step.block(5)));
        assertThat(v.usd(Step.CHARACTER)).isZero(); // a run's character and script were paid when it was planned
        // the take's transcription, served on Vertex AI too: 8 + 6 x 7 + 8 = 58 s, 0.967 minutes
        assertThat(v.usd(Step.SUBTITLES))
                .isEqualByComparingTo(PriceTable.cost(veo.prices().perTranscribedMinute(), 0.967));

        GoogleConfig omni = config();
        StepCosts o = StepCosts.ofRun(omni, 4);
        assertThat(o.usd(Step.SUBTITLES)).isPositive(); // the take's transcription on the Gemini API
        assertThat(o.usd(Step.block(3)))
                .isEqualByComparingTo(omni.prices().video(7).add(omni.prices().perDriftCheck()));
    }

    @Test
    void theEstimateKeepsItsLines() {
        CostEstimate e = new CostEstimator(config("REELSMITH_GOOGLE_VERTEX", "true")).estimate(8, false, false);
        assertThat(e.lines())
                .extracting(CostEstimate.Line::item)
                .containsExactly(
                        "block 1 (8 s clip)",
                        "6 extensions (+7 s each)",
                        "1 restart (8 s)",
                        "8 drift checks",
                        "subtitles (transcription)");
        CostEstimate omni = new CostEstimator(config()).estimate(6, true, true);
        assertThat(omni.lines())
                .extracting(CostEstimate.Line::item)
                .startsWith("character image", "script", "block 1 (8 s clip)");
    }
}
