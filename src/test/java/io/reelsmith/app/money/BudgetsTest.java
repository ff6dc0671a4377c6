package io.reelsmith.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.Transactions;
import io.reelsmith.app.money.BudgetPolicy.Kind;
import io.reelsmith.app.money.BudgetPolicy.Limit;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.testkit.memory.MemoryBudgets;
import io.reelsmith.testkit.memory.MemoryVideos;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one budget rule and the service's accounts, on figures held in memory. */
class BudgetsTest {
    static final GoogleConfig VEO = ConfigLoader.fromEnvironment(Map.of("REELSMITH_GOOGLE_VERTEX", "true"))
            .google();

    @Test
    void aCostGoesAheadOnlyIfItFitsInEveryLimit() {
        Limit user = new Limit(Kind.USER_ACCOUNT, new BigDecimal("10"), new BigDecimal("4"), new BigDecimal("3"));
        assertThat(user.remainingUsd()).isEqualByComparingTo("3");
        BudgetPolicy.check(
                "it", new BigDecimal("3"), user, Limit.of(Kind.VIDEO_CAP, null, BigDecimal.ONE)); // no cap: no limit
        assertThatThrownBy(() -> BudgetPolicy.check("it", new BigDecimal("3.01"), user))
                .isInstanceOfSatisfying(BudgetExceeded.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.USER_ACCOUNT);
                    assertThat(e.reason()).isEqualTo("budget");
                    assertThat(e.remainingUsd()).isEqualByComparingTo("3");
                });
        // the first limit short refuses, in the order given
        assertThatThrownBy(() -> BudgetPolicy.check(
                        "the estimated cost",
                        new BigDecimal("5"),
                        Limit.of(Kind.PER_VIDEO, new BigDecimal("4"), BigDecimal.ZERO),
                        Limit.of(Kind.PER_USER, new BigDecimal("1"), BigDecimal.ZERO)))
                .hasMessage("the estimated cost $5.00 exceeds the per-video budget of $4.00; nothing was spent");
        assertThat(Limit.of(Kind.BATCH, new BigDecimal("5"), new BigDecimal("6"))
                        .remainingUsd())
                .isZero(); // never below 0
    }

    @Test
    void theGateChargesEachPaidStepAgainstTheAccountAndTheCapAndLetsFreeStepsThrough() {
        MemoryVideos videos = new MemoryVideos();
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        MemoryBudgets store = new MemoryBudgets(videos, ledger);
        Budgets budgets = new Budgets(store, Transactions.NONE, new BigDecimal("5"), new StepPrices(() -> VEO));
        StepGate gate = budgets.gate("ann", "v1", "google", 3);

        gate.beforeStep(Step.CHARACTER); // made when the video was planned: free here
        gate.beforeStep(Step.block(0));
        ledger.forJob("v1", "ann")
                .record(new SpendLedger.Charge(
                        Step.block(0),
                        new Purchase("veo", "generate", 8, "second", new BigDecimal("3.20")),
                        SpendStatus.CHARGED,
                        "op-1"));
        assertThatThrownBy(() -> gate.beforeStep(Step.block(1)))
                .isInstanceOf(BudgetExceeded.class)
                .hasMessageStartingWith(
                        "paying for block-2 would cost about $2.81 but your budget has $1.80 left ($5.00 budget, $3.20 spent");
        // an uncertain call counts as spent; a call Google refused does not
        ledger.forJob("v2", "ann")
                .record(new SpendLedger.Charge(
                        Step.SCRIPT,
                        new Purchase("text", "text", 1, "call", new BigDecimal("1.00")),
                        SpendStatus.NOT_CHARGED,
                        null));
        assertThat(budgets.account("ann").spentUsd()).isEqualByComparingTo("3.20");

        store.setCap("v3", new BigDecimal("2"));
        assertThatThrownBy(() -> budgets.gate("bob", "v3", "google", 1)
                        .beforeStep(Step.block(0).retake()))
                .hasMessageStartingWith(
                        "paying for block-1.retake would cost about $3.21 but this video's cap of $2.00 has $2.00 left");
        budgets.gate("bob", "v4", "local", 1).beforeStep(Step.block(0)); // free
    }
}
