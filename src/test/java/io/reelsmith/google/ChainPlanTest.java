package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelsmith.script.Script;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Chains planned from the catalogue, per model and surface, for the seed's 60 s and 140 s videos: Veo on Agent
 * Platform (inputs of 1-30 s, +7 s: answers of at most 37 s), Omni 1.1 on the Gemini API (answers stack to 40 s),
 * Omni 1.2 on Agent Platform (any input; the answer keeps its last 30 s: one chain for ever).
 */
class ChainPlanTest {
    static ChainPlan plan(String model, Surface surface, int blocks) {
        return ChainPlan.of(
                Script.blockSeconds(blocks), GoogleModels.builtIn().find(model).orElseThrow(), surface);
    }

    @Test
    void veoOnAgentPlatformRestartsPast30sInputs() {
        ChainPlan p = plan("veo-3.1-generate-001", Surface.VERTEX, 8);
        assertThat(p.chains()).isEqualTo(2);
        assertThat(p.restarts()).isEqualTo(1);
        assertThat(p.calls()).allSatisfy(c -> assertThat(c.inputSeconds()).isLessThanOrEqualTo(30));
        assertThat(p.calls().stream().map(ChainPlan.Call::answerSeconds))
                .containsExactly(8.0, 15.0, 22.0, 29.0, 36.0, 8.0, 15.0, 22.0);
        assertThat(p.billedSeconds()).isEqualTo(58); // a Veo restart is an 8 s clip (it makes 4, 6 or 8 s)
        assertThat(p.takeSeconds()).isCloseTo(58 - 1 / 24.0, within(1e-9));

        ChainPlan twenty = plan("veo-3.1-generate-001", Surface.VERTEX, 20);
        assertThat(twenty.chains()).isEqualTo(4);
        assertThat(twenty.calls().stream().filter(ChainPlan.Call::startsChain).map(ChainPlan.Call::block))
                .containsExactly(0, 5, 10, 15);
        assertThat(twenty.billedSeconds()).isEqualTo(144);
        assertThat(twenty.takeSeconds()).isCloseTo(144 - 3 / 24.0, within(1e-9)).isGreaterThanOrEqualTo(140);
    }

    @Test
    void omniOnAnApiKeyStacksAnswersTo40s() {
        ChainPlan six = plan(OmniModels.API_KEY, Surface.GEMINI_API, 6);
        assertThat(six.chains()).isEqualTo(2);
        assertThat(six.billedSeconds()).isEqualTo(43);
        assertThat(six.call(5).kind()).isEqualTo(ChainPlan.Kind.FIRST_FRAME);
        assertThat(six.call(5).seconds()).isEqualTo(7); // Omni makes 3-10 s clips: a restart keeps the block's 7 s

        ChainPlan twelve = plan(OmniModels.API_KEY, Surface.GEMINI_API, 12);
        assertThat(twelve.chains()).isEqualTo(3);
        assertThat(twelve.calls().stream().filter(ChainPlan.Call::startsChain).map(ChainPlan.Call::block))
                .containsExactly(0, 5, 10);
        assertThat(twelve.calls()).allSatisfy(c -> assertThat(c.answerSeconds()).isLessThanOrEqualTo(40));
        assertThat(twelve.billedSeconds()).isEqualTo(85);
        assertThat(twelve.takeSeconds()).isCloseTo(85 - 2 / 24.0, within(1e-9));
        assertThat(twelve.describe())
                .contains("12 calls (85 s billed) in 3 chains, 2 restarts")
                .contains("a chain ends at a 40 s answer");
    }

    @Test
    void omniOnAgentPlatformIsOneChainWhoseAnswersKeepTheLast30s() {
        ChainPlan p = plan(OmniModels.VERTEX, Surface.VERTEX, 20);
        assertThat(p.chains()).isEqualTo(1);
        assertThat(p.restarts()).isZero();
        assertThat(p.billedSeconds()).isEqualTo(141);
        assertThat(p.calls().stream().map(ChainPlan.Call::answerSeconds).limit(7))
                .containsExactly(8.0, 15.0, 22.0, 29.0, 36.0, 37.0, 37.0);
        assertThat(p.calls()).allSatisfy(c -> assertThat(c.answerSeconds()).isLessThanOrEqualTo(40));
        assertThat(p.describe()).contains("in 1 chain, 0 restarts").contains("keeps the input's last 30 s");
    }

    @Test
    void theCostLinesAddUpToTheBilledSeconds() {
        ChainPlan p = plan("veo-3.1-generate-001", Surface.VERTEX, 20);
        var lines = p.costLines(new BigDecimal("0.40"));
        assertThat(lines)
                .extracting(CostEstimate.Line::item)
                .containsExactly("block 1 (8 s clip)", "16 extensions (+7 s each)", "3 restarts (8 s each)");
        assertThat(lines.stream().mapToDouble(CostEstimate.Line::quantity).sum())
                .isEqualTo(p.billedSeconds());
    }

    /** The Omni ids the tests plan with. */
    static final class OmniModels {
        static final String API_KEY = "gemini-omni-1.1-flash", VERTEX = "gemini-omni-1.2-flash";
    }
}
