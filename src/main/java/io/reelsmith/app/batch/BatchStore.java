package io.reelsmith.app.batch;

import io.reelsmith.app.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: batches, one video per theme under one shared budget. A batch and all its themes are written at once; each
 * theme's state then moves forward only from the states named (PENDING → RESERVED → STARTED, or SKIPPED / FAILED), so
 * running the starter twice never starts a theme twice.
 */
public interface BatchStore {
    /** A batch as stored; {@code jobId}: the job that starts its videos. */
    record BatchRow(
            String id,
            String ownerId,
            String characterId,
            String provider,
            int blocks,
            String language,
            BigDecimal budgetUsd,
            String jobId,
            Instant createdAt) {}

    /** Where one theme stands in the batch (the video's own status takes over once STARTED). */
    enum ItemState {
        PENDING,
        RESERVED,
        STARTED,
        SKIPPED,
        FAILED
    }

    /** One theme of a batch; {@code videoId} is made with the batch (its video row exists once planned). */
    record Item(
            String batchId,
            int position,
            String theme,
            String videoId,
            ItemState state,
            BigDecimal reservedUsd,
            String reason,
            String message) {}

    /** The batch and one PENDING item per theme, all or nothing. */
    void create(BatchRow b, List<Item> items);

    /** The owner's batch, or empty (another user's id is not found either). */
    default Optional<BatchRow> find(String ownerId, String id) {
        return find(id).filter(b -> b.ownerId().equals(ownerId));
    }

    /** For the starter job, which acts for whoever owns the batch. */
    Optional<BatchRow> find(String id);

    Page<BatchRow> list(String ownerId, int limit, int offset);

    /** The batch's themes in order. */
    List<Item> items(String batchId);

    /** Holds the batch's row until the transaction ends (one reservation at a time per batch). */
    void lock(String batchId);

    /** PENDING → RESERVED with the amount held against the batch budget; false if the item was not pending. */
    boolean reserve(String batchId, int position, BigDecimal usd);

    /** RESERVED → STARTED: its video is queued. */
    boolean started(String batchId, int position);

    /** PENDING or RESERVED → SKIPPED or FAILED, with why ({@code reason} budget | error) in plain words. */
    boolean settle(String batchId, int position, ItemState to, String reason, String message);

    /** Batches whose starter may still have work (a theme PENDING or RESERVED): id → job id, to queue again after a crash. */
    Map<String, String> unfinished();
}
