package io.reelsmith.storage;

import io.reelsmith.app.batch.BatchStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Batches in the {@code batches} and {@code batch_videos} tables; each theme's state moves by conditional updates. */
public final class Batches extends WorkerRows<BatchStore.BatchRow> implements BatchStore {
    private static final RowMapper<BatchRow> BATCH = (rs, ctx) -> new BatchRow(
            rs.getString("id"),
            rs.getString("owner_id"),
            rs.getString("character_id"),
            rs.getString("provider"),
            rs.getInt("blocks"),
            rs.getString("language"),
            rs.getBigDecimal("budget_usd"),
            rs.getString("job_id"),
            Rows.instant(rs, "created_at"));
    private static final RowMapper<Item> ITEM = (rs, ctx) -> new Item(
            rs.getString("batch_id"),
            rs.getInt("position"),
            rs.getString("theme"),
            rs.getString("video_id"),
            ItemState.valueOf(rs.getString("state")),
            rs.getBigDecimal("reserved_usd"),
            rs.getString("reason"),
            rs.getString("message"));

    public Batches(Jdbi jdbi) {
        super(jdbi, "batches", BATCH);
    }

    @Override
    public void create(BatchRow b, List<Item> items) {
        jdbi.useTransaction(h -> {
            h.createUpdate(
                            "INSERT INTO batches (id, owner_id, character_id, provider, blocks, language, budget_usd, job_id, created_at) "
                                    + "VALUES (:id, :ownerId, :characterId, :provider, :blocks, :language, :budgetUsd, :jobId, :at)")
                    .bindMethods(b)
                    .bind("at", Rows.now())
                    .execute();
            for (Item i : items) {
                h.execute(
                        "INSERT INTO batch_videos (batch_id, position, theme, video_id, state) VALUES (?, ?, ?, ?, 'PENDING')",
                        b.id(),
                        i.position(),
                        i.theme(),
                        i.videoId());
            }
        });
    }

    @Override
    public List<Item> items(String batchId) {
        return Rows.list(jdbi, ITEM, "SELECT * FROM batch_videos WHERE batch_id = ? ORDER BY position", batchId);
    }

    /** Locks the batch's row for the rest of the caller's transaction (one reservation at a time per batch). */
    @Override
    public void lock(String batchId) {
        Rows.lock(jdbi, "batches", batchId);
    }

    @Override
    public boolean reserve(String batchId, int position, BigDecimal usd) {
        return Rows.changed(
                jdbi,
                "UPDATE batch_videos SET state = 'RESERVED', reserved_usd = ? "
                        + "WHERE batch_id = ? AND position = ? AND state = 'PENDING'",
                usd,
                batchId,
                position);
    }

    @Override
    public boolean started(String batchId, int position) {
        return move(batchId, position, ItemState.STARTED, null, null, ItemState.RESERVED);
    }

    @Override
    public boolean settle(String batchId, int position, ItemState to, String reason, String message) {
        return move(batchId, position, to, reason, message, ItemState.PENDING, ItemState.RESERVED);
    }

    private boolean move(String batchId, int position, ItemState to, String reason, String message, ItemState... from) {
        return Rows.changed(
                jdbi,
                "UPDATE batch_videos SET state = ?, reason = ?, message = ? WHERE batch_id = ? AND position = ? "
                        + "AND state IN (" + Rows.names(from) + ")",
                to.name(),
                reason,
                message,
                batchId,
                position);
    }

    @Override
    public Map<String, String> unfinished() {
        return jdbi
                .withHandle(h -> h.createQuery(
                                "SELECT DISTINCT b.id, b.job_id FROM batches b JOIN batch_videos i ON i.batch_id = b.id "
                                        + "WHERE i.state IN ('PENDING', 'RESERVED')")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
