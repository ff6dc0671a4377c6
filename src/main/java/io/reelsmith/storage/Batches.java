package io.reelsmith.storage;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Batches: one video per theme under one shared budget. A batch and all its themes are written in one
 * transaction; each theme's state then moves forward by conditional updates (PENDING → RESERVED → STARTED, or
 * SKIPPED / FAILED), so running the starter twice never starts a theme twice.
 */
public final class Batches {
    /** A batch as stored; {@code jobId}: the JobRunr job that starts its videos. */
    public record BatchRow(String id, String ownerId, String characterId, String provider, int blocks, String language,
                           BigDecimal budgetUsd, String jobId, Instant createdAt) { }

    /** Where one theme stands in the batch (the video's own status takes over once STARTED). */
    public enum ItemState { PENDING, RESERVED, STARTED, SKIPPED, FAILED }

    /** One theme of a batch; {@code videoId} is made with the batch (its video row exists once planned). */
    public record Item(String batchId, int position, String theme, String videoId, ItemState state, BigDecimal reservedUsd,
                       String reason, String message) { }

    private static final RowMapper<BatchRow> BATCH = (rs, ctx) -> new BatchRow(rs.getString("id"), rs.getString("owner_id"),
            rs.getString("character_id"), rs.getString("provider"), rs.getInt("blocks"), rs.getString("language"),
            rs.getBigDecimal("budget_usd"), rs.getString("job_id"), Rows.instant(rs, "created_at"));
    private static final RowMapper<Item> ITEM = (rs, ctx) -> new Item(rs.getString("batch_id"), rs.getInt("position"),
            rs.getString("theme"), rs.getString("video_id"), ItemState.valueOf(rs.getString("state")), rs.getBigDecimal("reserved_usd"),
            rs.getString("reason"), rs.getString("message"));

    private final Jdbi jdbi;

    public Batches(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The batch and one PENDING item per theme, all or nothing. */
    public void create(BatchRow b, List<Item> items) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO batches (id, owner_id, character_id, provider, blocks, language, budget_usd, job_id, created_at) "
                            + "VALUES (:id, :ownerId, :characterId, :provider, :blocks, :language, :budgetUsd, :jobId, :at)")
                    .bindMethods(b).bind("at", Rows.now()).execute();
            for (Item i : items) {
                h.createUpdate("INSERT INTO batch_videos (batch_id, position, theme, video_id, state) VALUES (?, ?, ?, ?, 'PENDING')")
                        .bind(0, b.id()).bind(1, i.position()).bind(2, i.theme()).bind(3, i.videoId()).execute();
            }
        });
    }

    /** The owner's batch, or empty (another user's id is not found either). */
    public Optional<BatchRow> find(String ownerId, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM batches WHERE id = ? AND owner_id = ?").bind(0, id).bind(1, ownerId)
                .map(BATCH).findOne());
    }

    /** For the starter job, which acts for whoever owns the batch. */
    public Optional<BatchRow> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM batches WHERE id = ?").bind(0, id).map(BATCH).findOne());
    }

    public Page<BatchRow> list(String ownerId, int limit, int offset) {
        return jdbi.withHandle(h -> new Page<>(
                h.createQuery("SELECT * FROM batches WHERE owner_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                        .bind(0, ownerId).bind(1, limit).bind(2, offset).map(BATCH).list(),
                h.createQuery("SELECT COUNT(*) FROM batches WHERE owner_id = ?").bind(0, ownerId).mapTo(Long.class).one(),
                limit, offset));
    }

    /** The batch's themes in order. */
    public List<Item> items(String batchId) {
        return jdbi.withHandle(h -> items(h, batchId));
    }

    public static List<Item> items(Handle h, String batchId) {
        return h.createQuery("SELECT * FROM batch_videos WHERE batch_id = ? ORDER BY position").bind(0, batchId).map(ITEM).list();
    }

    /** Locks the batch's row for the rest of the caller's transaction (one reservation at a time per batch). */
    public static void lock(Handle h, String batchId) {
        h.createQuery("SELECT id FROM batches WHERE id = ? FOR UPDATE").bind(0, batchId).mapTo(String.class).one();
    }

    /** PENDING → RESERVED with the amount held against the batch budget; false if the item was not pending. */
    public static boolean reserve(Handle h, String batchId, int position, BigDecimal usd) {
        return h.createUpdate("UPDATE batch_videos SET state = 'RESERVED', reserved_usd = ? WHERE batch_id = ? AND position = ? AND state = 'PENDING'")
                .bind(0, usd).bind(1, batchId).bind(2, position).execute() > 0;
    }

    /** RESERVED → STARTED: its video is queued. */
    public boolean started(String batchId, int position) {
        return move(batchId, position, ItemState.STARTED, null, null, ItemState.RESERVED);
    }

    /** PENDING or RESERVED → SKIPPED or FAILED, with why ({@code reason} budget | error) in plain words. */
    public boolean settle(String batchId, int position, ItemState to, String reason, String message) {
        return move(batchId, position, to, reason, message, ItemState.PENDING, ItemState.RESERVED);
    }

    private boolean move(String batchId, int position, ItemState to, String reason, String message, ItemState... from) {
        String in = String.join(", ", java.util.Arrays.stream(from).map(s -> "'" + s.name() + "'").toList()); // enum names only
        return jdbi.withHandle(h -> h.createUpdate("UPDATE batch_videos SET state = ?, reason = ?, message = ? "
                        + "WHERE batch_id = ? AND position = ? AND state IN (" + in + ")")
                .bind(0, to.name()).bind(1, reason).bind(2, message).bind(3, batchId).bind(4, position).execute()) > 0;
    }

    /** Batches whose starter may still have work (a theme PENDING or RESERVED): id → job id, to enqueue again after a crash. */
    public java.util.Map<String, String> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT b.id, b.job_id FROM batches b JOIN batch_videos i ON i.batch_id = b.id "
                        + "WHERE i.state IN ('PENDING', 'RESERVED')")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list())
                .stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }
}
