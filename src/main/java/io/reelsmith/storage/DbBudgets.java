package io.reelsmith.storage;

import io.reelsmith.app.money.BudgetStore;
import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The budgets' figures from the service's tables: {@code users.budget_usd}, {@code spend_entries}, the videos' caps and reservations. */
public record DbBudgets(Jdbi jdbi) implements BudgetStore {
    @Override
    public BigDecimal userBudget(String userId) {
        return Rows.value(jdbi, BigDecimal.class, "SELECT budget_usd FROM users WHERE id = ?", userId)
                .orElse(null);
    }

    @Override
    public void lockUser(String userId) {
        Rows.lock(jdbi, "users", userId);
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
        return Rows.list(
                jdbi,
                (rs, ctx) ->
                        new Reservation(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
                "SELECT v.id, v.reserved_usd, v.reserved_base_usd, ("
                        + DbSpendLedger.spentWhere("video_id").replace("?", "v.id")
                        + ") FROM videos v WHERE v.owner_id = ? AND v.status IN ('QUEUED', 'RUNNING')",
                userId);
    }

    @Override
    public BigDecimal cap(String videoId) {
        return Rows.value(jdbi, BigDecimal.class, "SELECT cap_usd FROM videos WHERE id = ?", videoId)
                .orElse(null);
    }

    @Override
    public void setCap(String videoId, BigDecimal capUsd) {
        Rows.update(jdbi, "UPDATE videos SET cap_usd = ? WHERE id = ?", capUsd, videoId);
    }

    @Override
    public void reserve(String videoId, BigDecimal reservedUsd, BigDecimal spentNowUsd) {
        Rows.update(
                jdbi,
                "UPDATE videos SET reserved_usd = ?, reserved_base_usd = ?, fail_reason = NULL WHERE id = ?",
                reservedUsd,
                spentNowUsd,
                videoId);
    }
}
