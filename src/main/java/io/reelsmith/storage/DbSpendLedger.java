package io.reelsmith.storage;

import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The service's spend ledger: rows of {@code spend_entries}, one per billable call (job = video id). Recording the
 * same call again (same video, step and operation id) replaces its row, so a step resumed after a crash is never
 * counted twice; every record is committed before it returns.
 */
public final class DbSpendLedger implements SpendLedger {
    private static final RowMapper<SpendEntry> ROW = (rs, ctx) -> new SpendEntry(
            rs.getString("video_id"),
            rs.getString("user_id"),
            rs.getString("step"),
            rs.getString("model"),
            rs.getString("kind"),
            rs.getDouble("quantity"),
            rs.getString("unit"),
            rs.getBigDecimal("usd"),
            SpendStatus.valueOf(rs.getString("status")),
            rs.getString("operation_id"),
            rs.getObject("at", OffsetDateTime.class).toInstant());
    private final Jdbi jdbi;

    public DbSpendLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(SpendEntry e) {
        String key = e.operationId() == null ? "" : e.operationId();
        OffsetDateTime at = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            int n = h.createUpdate(
                            "UPDATE spend_entries SET model = ?, kind = ?, quantity = ?, unit = ?, usd = ?, status = ?, operation_id = ?, at = ? "
                                    + "WHERE video_id = ? AND step = ? AND entry_key = ?")
                    .bind(0, e.model())
                    .bind(1, e.kind())
                    .bind(2, e.quantity())
                    .bind(3, e.unit())
                    .bind(4, e.usd())
                    .bind(5, e.status().name())
                    .bind(6, e.operationId())
                    .bind(7, at)
                    .bind(8, e.jobId())
                    .bind(9, e.step())
                    .bind(10, key)
                    .execute();
            if (n == 0)
                h.createUpdate(
                                "INSERT INTO spend_entries (video_id, user_id, step, entry_key, model, kind, quantity, unit, usd, status, "
                                        + "operation_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, e.jobId())
                        .bind(1, e.user())
                        .bind(2, e.step())
                        .bind(3, key)
                        .bind(4, e.model())
                        .bind(5, e.kind())
                        .bind(6, e.quantity())
                        .bind(7, e.unit())
                        .bind(8, e.usd())
                        .bind(9, e.status().name())
                        .bind(10, e.operationId())
                        .bind(11, at)
                        .execute();
        });
    }

    @Override
    public List<SpendEntry> entries(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM spend_entries WHERE video_id = ? ORDER BY id")
                .bind(0, videoId)
                .map(ROW)
                .list());
    }

    @Override
    public List<SpendEntry> entriesOf(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM spend_entries WHERE user_id = ? ORDER BY id")
                .bind(0, userId)
                .map(ROW)
                .list());
    }

    @Override
    public BigDecimal spentBy(String user) {
        return spent(jdbi, "user_id", user);
    }

    /** What counts against budgets (charged and uncertain entries) of one user or one video ({@code column}: user_id or video_id). */
    static BigDecimal spent(Jdbi jdbi, String column, String id) {
        return jdbi.withHandle(h -> h.createQuery(spentWhere(column))
                .bind(0, id)
                .mapTo(BigDecimal.class)
                .one());
    }

    /** The query of {@link #spent}, {@code ?} the id: the video's JSON reads it with the row (storage/Videos). */
    static String spentWhere(String column) {
        // column is one of our two constant names, never user input
        return "SELECT COALESCE(SUM(usd), 0) FROM spend_entries WHERE " + column + " = ? AND status <> 'NOT_CHARGED'";
    }
}
