package io.reelsmith.storage;

import io.reelsmith.app.money.BudgetStore;
import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The budgets' figures from the service's tables: {@code users.budget_usd}, {@code spend_entries}, the videos' caps and reservations. */
public record DbBudgets(Jdbi jdbi) implements BudgetStore {
    @Override
    public BigDecimal userBudget(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT budget_usd FROM users WHERE id = ?")
                .bind(0, userId)
                .mapTo(BigDecimal.class)
                .findOne()
                .orElse(null));
    }

    @Override
    public void lockUser(String userId) {
        jdbi.useHandle(h -> h.createQuery("SELECT id FROM users WHERE id = ? FOR UPDATE")
                .bind(0, userId)
                .mapTo(String.class)
                .one());
    }

    @Override
    public BigDecimal spentByUser(String userId) {
        return DbSpendLedger.spent(jdbi, "user_id", userId);
    }

    @Override
    public BigDecimal spentOnVideo(String videoId) {
        return DbSpendLedger.spent(jdbi, "video_id", videoId);
    }

    @Override
    public List<Reservation> reservations(String userId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT id, reserved_usd, reserved_base_usd FROM videos WHERE owner_id = ? "
                                + "AND status IN ('QUEUED', 'RUNNING')")
                        .bind(0, userId)
                        .map((rs, ctx) -> new Reservation(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                        .list());
    }

    @Override
    public BigDecimal cap(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT cap_usd FROM videos WHERE id = ?")
                .bind(0, videoId)
                .mapTo(BigDecimal.class)
                .findOne()
                .orElse(null));
    }

    @Override
    public void setCap(String videoId, BigDecimal capUsd) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE videos SET cap_usd = ? WHERE id = ?")
                .bind(0, capUsd)
                .bind(1, videoId)
                .execute());
    }

    @Override
    public void reserve(String videoId, BigDecimal reservedUsd, BigDecimal spentNowUsd) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE videos SET reserved_usd = ?, reserved_base_usd = ?, fail_reason = NULL WHERE id = ?")
                .bind(0, reservedUsd)
                .bind(1, spentNowUsd)
                .bind(2, videoId)
                .execute());
    }
}
