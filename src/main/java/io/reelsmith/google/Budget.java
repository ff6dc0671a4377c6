package io.reelsmith.google;

import io.reelsmith.kernel.SpendLedger;
import java.math.BigDecimal;

/**
 * Spending limits checked before a job starts. {@code perVideo}: no single job may be estimated above it;
 * {@code perUser}: what the user already spent (from the {@link SpendLedger}) plus the estimate may not exceed it.
 * A null limit means none.
 */
public record Budget(BigDecimal perVideo, BigDecimal perUser) {
    public static final Budget NONE = new Budget(null, null);

    public void check(CostEstimate estimate, BigDecimal userSpent) {
        BigDecimal total = estimate.totalUsd();
        if (perVideo != null && total.compareTo(perVideo) > 0) {
            throw new BudgetExceededException("the estimated cost " + CostEstimate.usd(total) + " (" + estimate.videoSeconds()
                    + " s of video) exceeds the per-video budget of " + CostEstimate.usd(perVideo) + "; nothing was spent");
        }
        BigDecimal spent = userSpent == null ? BigDecimal.ZERO : userSpent;
        if (perUser != null && spent.add(total).compareTo(perUser) > 0) {
            throw new BudgetExceededException("the estimated cost " + CostEstimate.usd(total) + " plus " + CostEstimate.usd(spent)
                    + " already spent exceeds the user's budget of " + CostEstimate.usd(perUser) + "; nothing was spent");
        }
    }
}
