package io.reelsmith.app.money;

import java.math.BigDecimal;

/**
 * The CLI's limits (settings {@code reelsmith.budget.per.video.usd}, {@code reelsmith.budget.per.user.usd},
 * {@code reelsmith.confirm.above.usd}); null means none. The service has its own per-user budgets in its database.
 */
public record SpendLimits(BigDecimal perVideo, BigDecimal perUser, BigDecimal confirmAbove) {
    public static final SpendLimits NONE = new SpendLimits(null, null, null);
}
