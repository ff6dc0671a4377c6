package io.reelsmith.app.batch;

import io.reelsmith.app.Page;
import io.reelsmith.app.Provider;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.batch.BatchStore.BatchRow;
import io.reelsmith.app.batch.BatchStore.Item;
import io.reelsmith.app.batch.BatchStore.ItemState;
import io.reelsmith.app.character.CharacterStore;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.video.JobQueue;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoStore;
import io.reelsmith.script.Script;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Batches of videos, one per theme, under one shared budget. Creating one only writes it (every theme PENDING)
 * and queues its starter job ({@link BatchRunner}), which plans and starts the videos one by one, each after
 * reserving its estimate against what the batch budget still has. Progress is read from the themes' states and
 * their videos' rows and spend.
 */
public record BatchService(
        BatchStore batches,
        VideoStore videos,
        CharacterStore characters,
        VideoFiles files,
        Budgets budgets,
        JobQueue jobs) {
    /** A batch to create; the edge has checked the fields' form. */
    public record NewBatch(
            List<String> themes,
            String characterId,
            int blocks,
            String language,
            String provider,
            BigDecimal budgetUsd) {}

    /** One theme's progress: {@code status} pending | starting | skipped | failed | the video's own status. */
    public record VideoProgress(
            int position,
            String videoId,
            String theme,
            String status,
            String reason,
            String message,
            BigDecimal reservedUsd,
            BigDecimal spentUsd,
            boolean finished,
            boolean hasFinalVideo) {}

    /** A batch's progress: {@code status} starting | running | finished; money in US dollars. */
    public record Progress(
            BatchRow batch,
            String status,
            Map<String, Integer> counts,
            BigDecimal spentUsd,
            BigDecimal reservedUsd,
            BigDecimal remainingUsd,
            List<VideoProgress> videos) {}

    /** A finished video's final.mp4 as a batch download names it ("03-a-map-in-the-attic.mp4"). */
    public record FinalFile(String name, String blobKey) {}

    private static final BigDecimal MAX_BUDGET_USD = new BigDecimal("100000");

    /** Writes the batch (or nothing, on bad input) and queues its starter; no video is planned or paid for here. */
    public BatchRow create(String userId, NewBatch req) {
        List<String> themes;
        try {
            themes = Themes.check(req.themes());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
        if (req.budgetUsd() == null
                || req.budgetUsd().signum() <= 0
                || req.budgetUsd().compareTo(MAX_BUDGET_USD) > 0) {
            throw Refusal.invalid("budgetUsd must be an amount of US dollars above 0 and at most " + MAX_BUDGET_USD);
        }
        if (req.blocks() < 1 || req.blocks() > Script.MAX_BLOCKS)
            throw Refusal.invalid("blocks must be between 1 and " + Script.MAX_BLOCKS);
        try {
            Provider.named(req.provider());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("provider: " + e.getMessage());
        }
        characters.find(userId, req.characterId()).orElseThrow(() -> Refusal.notFound("character"));
        String id = UUID.randomUUID().toString(), jobId = UUID.randomUUID().toString();
        BatchRow b = new BatchRow(
                id,
                userId,
                req.characterId(),
                req.provider(),
                req.blocks(),
                req.language(),
                req.budgetUsd(),
                jobId,
                null);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            items.add(new Item(
                    id,
                    i + 1,
                    themes.get(i),
                    UUID.randomUUID().toString(),
                    ItemState.PENDING,
                    BigDecimal.ZERO,
                    null,
                    null));
        }
        batches.create(b, items);
        jobs.startBatch(
                jobId,
                id); // a crash before this line is healed at the next start (the service queues unfinished batches)
        return find(userId, id);
    }

    public BatchRow find(String userId, String batchId) {
        return batches.find(userId, batchId).orElseThrow(() -> Refusal.notFound("batch"));
    }

    public Page<BatchRow> list(String userId, int limit, int offset) {
        return batches.list(userId, limit, offset);
    }

    public Progress progress(BatchRow b) throws IOException {
        List<VideoProgress> out = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        BigDecimal spent = BigDecimal.ZERO, held = BigDecimal.ZERO;
        boolean starting = false, running = false;
        for (Item i : batches.items(b.id())) {
            Optional<VideoRow> v = videos.find(b.ownerId(), i.videoId());
            BigDecimal itemSpent = budgets.spentOn(i.videoId());
            String status = switch (i.state()) {
                case PENDING -> "pending";
                case RESERVED -> "starting";
                case SKIPPED -> "skipped";
                case FAILED -> "failed";
                case STARTED -> v.map(r -> r.status().wire()).orElse("deleted");
            };
            boolean done = i.state() == ItemState.SKIPPED
                    || i.state() == ItemState.FAILED
                    || status.equals("deleted")
                    || v.map(r -> r.status().finished() && i.state() == ItemState.STARTED)
                            .orElse(false);
            starting |= i.state() == ItemState.PENDING || i.state() == ItemState.RESERVED;
            running |= !done && i.state() == ItemState.STARTED;
            boolean hasFile = status.equals("completed")
                    && files.blobs()
                            .find(VideoFiles.key(b.ownerId(), i.videoId(), "final.mp4"))
                            .isPresent();
            counts.merge(status, 1, Integer::sum);
            spent = spent.add(itemSpent);
            held = held.add(BatchRunner.held(i.state(), i.reservedUsd(), itemSpent));
            out.add(new VideoProgress(
                    i.position(),
                    i.videoId(),
                    i.theme(),
                    status,
                    i.reason(),
                    i.message(),
                    i.reservedUsd(),
                    itemSpent,
                    done,
                    hasFile));
        }
        String status = starting ? "starting" : running ? "running" : "finished";
        return new Progress(
                b,
                status,
                counts,
                spent,
                held.subtract(spent).max(BigDecimal.ZERO),
                b.budgetUsd().subtract(held).max(BigDecimal.ZERO),
                out);
    }

    /** The final.mp4 of every finished video of the batch, in theme order. */
    public List<FinalFile> finalFiles(BatchRow b) throws IOException {
        List<FinalFile> out = new ArrayList<>();
        for (VideoProgress v : progress(b).videos()) {
            if (v.hasFinalVideo())
                out.add(new FinalFile(
                        Themes.slug(v.position(), v.theme()) + ".mp4",
                        VideoFiles.key(b.ownerId(), v.videoId(), "final.mp4")));
        }
        return out;
    }
}
