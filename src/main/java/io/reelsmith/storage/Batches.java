package io.reelsmith.storage;

import io.reelsmith.app.Page;
import io.reelsmith.app.batch.BatchStore;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Batches in the {@code batches} and {@code batch_videos} tables; each theme's state moves by conditional updates. */
public final class Batches implements BatchStore {
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

    private final Jdbi jdbi;

    public Batches(Jdbi jdbi) {
        this.jdbi = jdbi;
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
                h.createUpdate(
                                "INSERT INTO batch_videos (batch_id, position, theme, video_id, state) VALUES (?, ?, ?, ?, 'PENDING')")
                        .bind(0, b.id())
                        .bind(1, i.position())
                        .bind(2, i.theme())
                        .bind(3, i.videoId())
                        .execute();
            }
        });
    }

    @Override
    public Optional<BatchRow> find(String ownerId, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM batches WHERE id = ? AND owner_id = ?")
                .bind(0, id)
                .bind(1, ownerId)
                .map(BATCH)
                .findOne());
    }

    @Override
    public Optional<BatchRow> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM batches WHERE id = ?")
                .bind(0, id)
                .map(BATCH)
                .findOne());
    }

    @Override
    public Page<BatchRow> list(String ownerId, int limit, int offset) {
        return jdbi.withHandle(h -> new Page<>(
                h.createQuery("SELECT * FROM batches WHERE owner_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                        .bind(0, ownerId)
                        .bind(1, limit)
                        .bind(2, offset)
                        .map(BATCH)
                        .list(),
                h.createQuery("SELECT COUNT(*) FROM batches WHERE owner_id = ?")
                        .bind(0, ownerId)
                        .mapTo(Long.class)
                        .one(),
                limit,
                offset));
    }

    @Override
    public List<Item> items(String batchId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM batch_videos WHERE batch_id = ? ORDER BY position")
                .bind(0, batchId)
                .map(ITEM)
                .list());
    }

    /** Locks the batch's row for the rest of the caller's transaction (one reservation at a time per batch). */
    @Override
    public void lock(String batchId) {
        jdbi.useHandle(h -> h.createQuery("SELECT id FROM batches WHERE id = ? FOR UPDATE")
                .bind(0, batchId)
                .mapTo(String.class)
                .one());
    }

    @Override
    public boolean reserve(String batchId, int position, BigDecimal usd) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE batch_videos SET state = 'RESERVED', reserved_usd = ? "
                                + "WHERE batch_id = ? AND position = ? AND state = 'PENDING'")
                        .bind(0, usd)
                        .bind(1, batchId)
                        .bind(2, position)
                        .execute())
                > 0;
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
        String in = String.join(
                ", ", Arrays.stream(from).map(s -> "'" + s.name() + "'").toList()); // enum names only
        return jdbi.withHandle(h -> h.createUpdate("UPDATE batch_videos SET state = ?, reason = ?, message = ? "
                                + "WHERE batch_id = ? AND position = ? AND state IN (" + in + ")")
                        .bind(0, to.name())
                        .bind(1, reason)
                        .bind(2, message)
                        .bind(3, batchId)
                        .bind(4, position)
                        .execute())
                > 0;
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
