package io.reelsmith.google;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostAndBudgetTest {
    @Test
    void aFourBlockChainCosts29VeoSecondsPlusImageAndScript() {
        CostEstimate e = new CostEstimator(GoogleConfig.fromEnv(Map.of())).estimate(4, true, true);
        assertThat(e.videoSeconds()).isEqualTo(29);
        assertThat(e.totalUsd()).isEqualByComparingTo("11.68"); // 29 x 0.40 + 0.039 + 0.03 + 29/60 transcribed minutes x 0.01, rounded up
        assertThat(e.describe()).contains("veo-3.1-generate-preview").contains("estimated total: $11.68");
    }

    @Test
    void pricesFollowTheModelAndTheConfiguration() {
        GoogleConfig fast = GoogleConfig.fromEnv(Map.of("REELSMITH_GOOGLE_VIDEO_MODEL", "veo-3.1-fast-generate-preview"));
        assertThat(new CostEstimator(fast).estimate(1, false, false).totalUsd()).isEqualByComparingTo("1.21"); // 8 s x 0.15 + 8/60 transcribed minutes x 0.01
        GoogleConfig custom = GoogleConfig.fromEnv(Map.of("REELSMITH_GOOGLE_PRICE_VIDEO_PER_SECOND", "0.10", "REELSMITH_GOOGLE_VIDEO_MODE", "interpolate"));
        CostEstimate e = new CostEstimator(custom).estimate(2, false, false);
        assertThat(e.videoSeconds()).isEqualTo(16);
        assertThat(e.totalUsd()).isEqualByComparingTo("1.72"); // 16 s x 0.10 + 3 frames x 0.039
    }

    @Test
    void aJobAboveTheBudgetIsRefusedWithTheEstimateInTheMessage() {
        CostEstimate e = new CostEstimator(GoogleConfig.fromEnv(Map.of())).estimate(4, true, true);
        assertThatThrownBy(() -> new Budget(new BigDecimal("5"), null).check(e, BigDecimal.ZERO))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("$11.68").hasMessageContaining("$5.00");
        assertThatThrownBy(() -> new Budget(null, new BigDecimal("20")).check(e, new BigDecimal("10")))
                .hasMessageContaining("$11.68").hasMessageContaining("$10.00 already spent").hasMessageContaining("$20.00");
        new Budget(new BigDecimal("12"), new BigDecimal("30")).check(e, new BigDecimal("10"));
    }

    @Test
    void aPlanAboveTheConfiguredUserBudgetIsRefusedBeforeAnything(@TempDir Path dir) throws Exception {
        GoogleConfig c = GoogleConfig.fromEnv(Map.of("REELSMITH_BUDGET_PER_USER_USD", "15"));
        var spec = new io.reelsmith.pipeline.JobSpec("rain", new io.reelsmith.character.CharacterProfile("Nano", "", null), 4, "en");
        GooglePlan plan = GooglePlan.of(c, spec, new io.reelsmith.pipeline.Workspace(dir));
        plan.checkBudget(new BigDecimal("3.00"));
        assertThatThrownBy(() -> plan.checkBudget(new BigDecimal("4.00")))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("estimated cost $11.68").hasMessageContaining("$15.00");
        GoogleConfig perVideo = GoogleConfig.fromEnv(Map.of("REELSMITH_BUDGET_PER_VIDEO_USD", "10"));
        assertThatThrownBy(() -> GooglePlan.of(perVideo, spec, new io.reelsmith.pipeline.Workspace(dir)).checkBudget(BigDecimal.ZERO))
                .hasMessageContaining("$11.68").hasMessageContaining("per-video budget of $10.00");
    }

    @Test
    void theFileLedgerKeepsOneEntryPerStepAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spend.jsonl");
        JsonlSpendLedger ledger = new JsonlSpendLedger(file);
        ledger.forJob("j1", "ann").record(SpendLedger.Charge.charged("block-1", "veo", "generate", 8, "second", new BigDecimal("3.20"), "op-1"));
        ledger.forJob("j1", "ann").record(SpendLedger.Charge.charged("block-1", "veo", "generate", 8, "second", new BigDecimal("3.20"), "op-1")); // resumed step
        ledger.record(new SpendEntry("j2", "ann", "block-1", "veo", "generate", 8, "second", new BigDecimal("1.00"), SpendStatus.CHARGED, "op-2", Instant.now()));
        JsonlSpendLedger reopened = new JsonlSpendLedger(file);
        assertThat(reopened.entries("j1")).hasSize(1);
        assertThat(reopened.spentBy("ann")).isEqualByComparingTo("4.20");
    }
}
