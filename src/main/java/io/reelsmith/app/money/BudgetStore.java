package io.reelsmith.app.money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Port: what the service's budgets are read from and written to — users' budgets, the spend ledger, and each video's
 * cap and reservation. Called within a {@code Transactions} unit of work when a decision must hold (a start, a step).
 */
public interface BudgetStore {
    /** The user's own budget (set by an administrator), or null: the configured default applies. */
    BigDecimal userBudget(String userId);

    /** Holds the user's row until the transaction ends: one start at a time per user can reserve against the budget. */
    void lockUser(String userId);

    /** Charged and uncertain spend of the user. */
    BigDecimal spentByUser(String userId);

    /** Charged and uncertain spend of a video. */
    BigDecimal spentOnVideo(String videoId);

    /**
     * Each of the user's queued or running videos: what it reserved when queued, what it had spent then, and what it
     * has spent now (read together: a user with n videos running costs one query, not n + 1, at every start and gate).
     */
    List<Reservation> reservations(String userId);

    record Reservation(String videoId, BigDecimal reservedUsd, BigDecimal spentThenUsd, BigDecimal spentNowUsd) {}

    /** The video's cap (given when it was planned), or null. */
    BigDecimal cap(String videoId);

    void setCap(String videoId, BigDecimal capUsd);

    /** Records what a queued video reserves, with what it has spent so far; a previous failure's reason is cleared. */
    void reserve(String videoId, BigDecimal reservedUsd, BigDecimal spentNowUsd);
}
