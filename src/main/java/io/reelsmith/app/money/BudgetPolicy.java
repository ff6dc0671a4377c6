package io.reelsmith.app.money;

import static io.reelsmith.google.CostEstimate.usd;

import java.math.BigDecimal;

/**
 * The one budget rule, for the CLI and the service, single videos and batches: a cost goes ahead only if it fits in
 * what each budget it is held against still has (the budget, less what was spent, less what other work holds); the
 * first it does not fit refuses it, before anything is paid, with a {@link BudgetExceeded} naming the figures. The
 * callers only gather the figures: the service's accounts and caps (its database), a batch's themes, the CLI's limits
 * and file ledger.
 */
public final class BudgetPolicy {
    private BudgetPolicy() {}

    /** Whose budget it is, which words the refusal uses. */
    public enum Kind {
        USER_ACCOUNT,
        VIDEO_CAP,
        BATCH,
        PER_VIDEO,
        PER_USER
    }

    /** One budget; a null {@code budgetUsd} is no limit. {@code reservedUsd}: what other work holds of it. */
    public record Limit(Kind kind, BigDecimal budgetUsd, BigDecimal spentUsd, BigDecimal reservedUsd) {
        public Limit {
            spentUsd = spentUsd == null ? BigDecimal.ZERO : spentUsd;
            reservedUsd = reservedUsd == null ? BigDecimal.ZERO : reservedUsd;
        }

        public static Limit of(Kind kind, BigDecimal budgetUsd, BigDecimal spentUsd) {
            return new Limit(kind, budgetUsd, spentUsd, BigDecimal.ZERO);
        }

        /** What it still allows (never below 0); null when it is no limit. */
        public BigDecimal remainingUsd() {
            return budgetUsd == null
                    ? null
                    : budgetUsd.subtract(spentUsd).subtract(reservedUsd).max(BigDecimal.ZERO);
        }
    }

    /** Throws {@link BudgetExceeded} when {@code costUsd} is over what one of the limits still allows; {@code what} names the spending. */
    public static void check(String what, BigDecimal costUsd, Limit... limits) {
        for (Limit l : limits) {
            BigDecimal left = l.remainingUsd();
            if (left != null && costUsd.compareTo(left) > 0)
                throw new BudgetExceeded(l.kind(), refusal(what, costUsd, l) + "; nothing was spent", costUsd, left);
        }
    }

    private static String refusal(String what, BigDecimal cost, Limit l) {
        String left = usd(l.remainingUsd());
        return switch (l.kind()) {
            case USER_ACCOUNT ->
                what + " would cost about " + usd(cost) + " but your budget has " + left + " left ("
                        + usd(l.budgetUsd()) + " budget, " + usd(l.spentUsd()) + " spent, " + usd(l.reservedUsd())
                        + " reserved by other videos)";
            case VIDEO_CAP ->
                what + " would cost about " + usd(cost) + " but this video's cap of " + usd(l.budgetUsd()) + " has "
                        + left + " left";
            case BATCH ->
                what + " would cost about " + usd(cost) + " but the batch budget has " + left + " left ("
                        + usd(l.budgetUsd()) + " budget, " + usd(l.spentUsd()) + " spent, " + usd(l.reservedUsd())
                        + " reserved by its other videos)";
            case PER_VIDEO -> what + " " + usd(cost) + " exceeds the per-video budget of " + usd(l.budgetUsd());
            case PER_USER ->
                what + " " + usd(cost) + " plus " + usd(l.spentUsd()) + " already spent exceeds the user's budget of "
                        + usd(l.budgetUsd());
        };
    }
}
