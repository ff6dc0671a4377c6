package io.reelsmith.app;

import java.math.BigDecimal;

/**
 * A paid path refused because it would cross a budget: before a start/retry/regenerate (the API answers 402) or
 * before a paid step of a running job (the video fails with reason "budget"). Nothing was paid for it.
 * {@code remainingUsd}: what the tighter of the user's budget and the video's cap still allows.
 */
public final class BudgetExceeded extends io.reelsmith.pipeline.StepRefusedException {
    private final BigDecimal estimateUsd;
    private final BigDecimal remainingUsd;

    public BudgetExceeded(String message, BigDecimal estimateUsd, BigDecimal remainingUsd) {
        super("budget", message);
        this.estimateUsd = estimateUsd;
        this.remainingUsd = remainingUsd;
    }

    public BigDecimal estimateUsd() { return estimateUsd; }

    public BigDecimal remainingUsd() { return remainingUsd; }
}
