package io.reelsmith.app.money;

import io.reelsmith.pipeline.StepRefusedException;
import java.math.BigDecimal;

/**
 * A paid path refused by the {@link BudgetPolicy} because it would cross a budget: before a start/retry/regenerate
 * (the API answers 402), before a paid step of a running job (the video fails with reason "budget"), before a CLI run
 * or a batch's next video. Nothing was paid for it. {@code remainingUsd}: what the budget that refused still allows.
 */
public final class BudgetExceeded extends StepRefusedException {
    private final BudgetPolicy.Kind kind;
    private final BigDecimal estimateUsd;
    private final BigDecimal remainingUsd;

    public BudgetExceeded(BudgetPolicy.Kind kind, String message, BigDecimal estimateUsd, BigDecimal remainingUsd) {
        super("budget", message);
        this.kind = kind;
        this.estimateUsd = estimateUsd;
        this.remainingUsd = remainingUsd;
    }

    /** Whose budget refused. */
    public BudgetPolicy.Kind kind() {
        return kind;
    }

    public BigDecimal estimateUsd() {
        return estimateUsd;
    }

    public BigDecimal remainingUsd() {
        return remainingUsd;
    }
}
