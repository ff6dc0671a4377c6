package io.reelsmith.storage;

import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
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
            new Purchase(
                    rs.getString("model"),
                    rs.getString("kind"),
                    rs.getDouble("quantity"),
                    rs.getString("unit"),
                    rs.getBigDecimal("usd")),
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
        // the call's own columns, in the order both statements name them
        Purchase p = e.purchase();
        List<Object> call = Arrays.asList(
                p.model(), p.kind(), p.quantity(), p.unit(), p.usd(), e.status().name(), e.operationId(), at);
        jdbi.useTransaction(h -> {
            int n = h.execute(
                    "UPDATE spend_entries SET model = ?, kind = ?, quantity = ?, unit = ?, usd = ?, status = ?, operation_id = ?, at = ? "
                            + "WHERE video_id = ? AND step = ? AND entry_key = ?",
                    concat(call, Arrays.asList(e.jobId(), e.step(), key)));
            if (n == 0)
                h.execute(
                        "INSERT INTO spend_entries (video_id, user_id, step, entry_key, model, kind, quantity, unit, usd, status, "
                                + "operation_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        concat(Arrays.asList(e.jobId(), e.user(), e.step(), key), call));
        });
    }

    private static Object[] concat(List<Object> a, List<Object> b) {
        return Stream.concat(a.stream(), b.stream()).toArray();
    }

    @Override
    public List<SpendEntry> entries(String videoId) {
        return Rows.list(jdbi, ROW, "SELECT * FROM spend_entries WHERE video_id = ? ORDER BY id", videoId);
    }

    @Override
    public List<SpendEntry> entriesOf(String userId) {
        return Rows.list(jdbi, ROW, "SELECT * FROM spend_entries WHERE user_id = ? ORDER BY id", userId);
    }

    @Override
    public BigDecimal spentBy(String user) {
        return spent(jdbi, "user_id", user);
    }

    /** What counts against budgets (charged and uncertain entries) of one user or one video ({@code column}: user_id or video_id). */
    static BigDecimal spent(Jdbi jdbi, String column, String id) {
        return Rows.value(jdbi, BigDecimal.class, spentWhere(column), id).orElseThrow();
    }

    /** The query of {@link #spent}, {@code ?} the id: the video's JSON reads it with the row (storage/Videos). */
    static String spentWhere(String column) {
        // column is one of our two constant names, never user input
        return "SELECT COALESCE(SUM(usd), 0) FROM spend_entries WHERE " + column + " = ? AND status <> 'NOT_CHARGED'";
    }
}
