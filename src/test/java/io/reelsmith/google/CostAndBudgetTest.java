package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.money.BudgetExceeded;
import io.reelsmith.app.money.BudgetPolicy;
import io.reelsmith.app.money.BudgetPolicy.Kind;
import io.reelsmith.app.money.BudgetPolicy.Limit;
import io.reelsmith.app.money.CostEstimator;
import io.reelsmith.app.money.GooglePlan;
import io.reelsmith.app.money.SpendLimits;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.JsonlSpendLedger;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Workspace;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prices from the model catalogue (google/models.json, checked 2026-12-03), on Vertex AI (veo) unless said otherwise. */
class CostAndBudgetTest {
    static GoogleConfig vertex(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("REELSMITH_GOOGLE_VERTEX", "true"));
        for (int i = 0; i + 1 < more.length; i += 2) env.put(more[i], more[i + 1]);
        return ConfigLoader.fromEnvironment(env).google();
    }

    static SpendLimits limits(String key, String usd) {
        return ConfigLoader.fromEnvironment(Map.of(key, usd)).spendLimits();
    }

    @Test
    void aFourBlockChainCosts29VeoSecondsPlusImageAndScript() {
        CostEstimate e = new CostEstimator(vertex()).estimate(4, true, true);
        assertThat(e.videoSeconds()).isEqualTo(29);
        // 29 s x $0.40 (veo-3.1-generate-001) + $0.067 (gemini-3.1-flash-image) + 2k in/3k out tokens of
        // gemini-3.8-flash
        // + 4 drift checks of 3k in/300 out tokens ($0.0034 each), rounded up
        assertThat(e.totalUsd()).isEqualByComparingTo("11.70");
        assertThat(e.describe()).contains("veo-3.1-generate-001").contains("estimated total: $11.70");
    }

    @Test
    void eightBlocksOnVertexAreTwoChainsAndBillTheRestartsFullClip() {
        CostEstimate e = new CostEstimator(vertex()).estimate(8, false, false);
        assertThat(e.videoSeconds()).isEqualTo(58); // 8 + 4 x 7 (to 36 s) + 8 (a restart from the last frame) + 2 x 7
        assertThat(e.totalUsd()).isEqualByComparingTo("23.24");
        assertThat(e.describe()).contains("1 restart (8 s)").contains("subtitles (transcription)");
    }

    @Test
    void retiredOrWrongSurfaceModelsAreRefusedWhenTheConfigurationIsRead() {
        assertThatThrownBy(() -> vertex("REELSMITH_GOOGLE_VIDEO_MODEL", "veo-3.1-generate-preview"))
                .isInstanceOf(RetiredModelConfigException.class)
                .hasMessageContaining("2026-10-22")
                .hasMessageContaining("gemini-omni-1.1-flash");
        assertThatThrownBy(() -> vertex("REELSMITH_GOOGLE_IMAGE_MODEL", "gemini-2.5-flash-image"))
                .isInstanceOf(RetiredModelConfigException.class)
                .hasMessageContaining("2026-10-02")
                .hasMessageContaining("gemini-3.1-flash-image");
        assertThatThrownBy(() -> ConfigLoader.fromEnvironment(
                                Map.of("REELSMITH_GOOGLE_VIDEO_MODEL", "veo-3.1-generate-001"))
                        .google())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Vertex");
        assertThat(ConfigLoader.fromEnvironment(Map.of()).google().backend()).isEqualTo(VideoBackend.OMNI);
        assertThat(vertex().backend()).isEqualTo(VideoBackend.VEO);
    }

    @Test
    void pricesFollowTheModelAndTheConfiguration() {
        GoogleConfig fast = vertex("REELSMITH_GOOGLE_VIDEO_MODEL", "veo-3.1-fast-generate-001");
        assertThat(new CostEstimator(fast).estimate(1, false, false).totalUsd()).isEqualByComparingTo("1.21");
        GoogleConfig custom =
                vertex("REELSMITH_GOOGLE_PRICE_VIDEO_PER_SECOND", "0.10", "REELSMITH_GOOGLE_VIDEO_MODE", "interpolate");
        CostEstimate e = new CostEstimator(custom).estimate(2, false, false);
        assertThat(e.videoSeconds()).isEqualTo(16);
        // 16 s x 0.10 + 3 frames x 0.067 + 2 drift checks + 16 s transcribed, rounded up
        assertThat(e.totalUsd()).isEqualByComparingTo("1.82");
    }

    @Test
    void aJobAboveTheBudgetIsRefusedWithTheEstimateInTheMessage() {
        CostEstimate e = new CostEstimator(vertex()).estimate(4, true, true);
        assertThatThrownBy(() -> BudgetPolicy.check(
                        "the estimated cost",
                        e.totalUsd(),
                        Limit.of(Kind.PER_VIDEO, new BigDecimal("5"), BigDecimal.ZERO)))
                .isInstanceOf(BudgetExceeded.class)
                .hasMessageContaining("$11.70")
                .hasMessageContaining("$5.00");
        assertThatThrownBy(() -> BudgetPolicy.check(
                        "the estimated cost",
                        e.totalUsd(),
                        Limit.of(Kind.PER_USER, new BigDecimal("20"), new BigDecimal("10"))))
                .hasMessageContaining("$11.70")
                .hasMessageContaining("$10.00 already spent")
                .hasMessageContaining("$20.00");
        BudgetPolicy.check(
                "the estimated cost",
                e.totalUsd(),
                Limit.of(Kind.PER_VIDEO, new BigDecimal("12"), BigDecimal.ZERO),
                Limit.of(Kind.PER_USER, new BigDecimal("30"), new BigDecimal("10")));
    }

    @Test
    void aPlanAboveTheConfiguredUserBudgetIsRefusedBeforeAnything(@TempDir Path dir) throws Exception {
        var spec = new JobSpec("rain", new CharacterProfile("Nano", "", null), 4, "en");
        GooglePlan plan =
                GooglePlan.of(vertex(), limits("REELSMITH_BUDGET_PER_USER_USD", "15"), spec, new Workspace(dir));
        plan.checkBudget(new BigDecimal("3.00"));
        assertThatThrownBy(() -> plan.checkBudget(new BigDecimal("4.00")))
                .isInstanceOf(BudgetExceeded.class)
                .hasMessageContaining("estimated cost $11.70")
                .hasMessageContaining("$15.00");
        var perVideo = limits("REELSMITH_BUDGET_PER_VIDEO_USD", "10");
        assertThatThrownBy(() -> GooglePlan.of(vertex(), perVideo, spec, new Workspace(dir))
                        .checkBudget(BigDecimal.ZERO))
                .hasMessageContaining("$11.70")
                .hasMessageContaining("per-video budget of $10.00");
    }

    @Test
    void theFileLedgerKeepsOneEntryPerStepAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spend.jsonl");
        JsonlSpendLedger ledger = new JsonlSpendLedger(file);
        ledger.forJob("j1", "ann")
                .record(new SpendLedger.Charge(
                        "block-1",
                        new Purchase("veo", "generate", 8, "second", new BigDecimal("3.20")),
                        SpendStatus.CHARGED,
                        "op-1"));
        ledger.forJob("j1", "ann")
                .record(new SpendLedger.Charge(
                        "block-1",
                        new Purchase("veo", "generate", 8, "second", new BigDecimal("3.20")),
                        SpendStatus.CHARGED,
                        "op-1")); // resumed step
        ledger.record(new SpendEntry(
                "j2",
                "ann",
                "block-1",
                new Purchase("veo", "generate", 8, "second", new BigDecimal("1.00")),
                SpendStatus.CHARGED,
                "op-2",
                Instant.now()));
        JsonlSpendLedger reopened = new JsonlSpendLedger(file);
        assertThat(reopened.entries("j1")).hasSize(1);
        assertThat(reopened.spentBy("ann")).isEqualByComparingTo("4.20");
    }
}
