package io.reelsmith.testkit.memory;

import io.reelsmith.app.Page;
import io.reelsmith.app.video.StepRow;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.app.video.VideoStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Video rows in memory, each change conditional on the state it leaves, as the database's are. */
public final class MemoryVideos implements VideoStore {
    private final Map<String, VideoRow> rows = new LinkedHashMap<>();
    private final Map<String, String> runTokens = new LinkedHashMap<>(), failReasons = new LinkedHashMap<>();
    private final Map<String, Instant> runSeen = new LinkedHashMap<>();
    private volatile Function<String, BigDecimal> spent = id -> BigDecimal.ZERO;
    private volatile Function<String, List<StepRow>> steps = id -> List.of();

    /** Where {@link #findStatus} reads what a video spent (the memory budgets' ledger); nothing spent until set. */
    public void spentFrom(Function<String, BigDecimal> spentOnVideo) {
        this.spent = spentOnVideo;
    }

    /** Where {@link #findStatus} reads a video's steps (the memory journals); none until set. */
    public void stepsFrom(Function<String, List<StepRow>> stepsOfVideo) {
        this.steps = stepsOfVideo;
    }

    @Override
    public synchronized void create(VideoRow v) {
        if (rows.containsKey(v.id())) throw new IllegalStateException("video " + v.id() + " exists");
        Instant now = Instant.now();
        rows.put(v.id(), with(v, v.blocks(), v.estimateUsd(), v.status(), v.jobId(), 0, v.error(), now, now));
    }

    @Override
    public synchronized Optional<VideoRow> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Page<VideoRow> list(String ownerId, int limit, int offset) {
        return Pages.of(
                rows.values().stream()
                        .filter(v -> v.ownerId().equals(ownerId))
                        .sorted(Comparator.comparing(VideoRow::createdAt).reversed()),
                limit,
                offset);
    }

    @Override
    public synchronized Optional<Status> findStatus(String ownerId, String id) {
        return find(ownerId, id).map(v -> new Status(shown(v), steps.apply(id)));
    }

    @Override
    public synchronized Page<Shown> listShown(String ownerId, int limit, int offset) {
        Page<VideoRow> p = list(ownerId, limit, offset);
        return new Page<>(p.items().stream().map(this::shown).toList(), p.total(), limit, offset);
    }

    private Shown shown(VideoRow v) {
        return new Shown(v, spent.apply(v.id()), failReasons.get(v.id()));
    }

    @Override
    public synchronized Optional<VideoStatus> status(String id) {
        return find(id).map(VideoRow::status);
    }

    @Override
    public synchronized boolean queue(String id, String jobId, VideoStatus... from) {
        return move(id, Set.of(from), v -> with(v, VideoStatus.QUEUED, jobId, 0, null));
    }

    @Override
    public synchronized RunStart startRun(String id, String token, int leaseSeconds) {
        VideoRow v = rows.get(id);
        if (v == null || !(v.status() == VideoStatus.QUEUED || v.status() == VideoStatus.RUNNING))
            return RunStart.INACTIVE;
        Instant seen = runSeen.get(id);
        if (runTokens.containsKey(id)
                && seen != null
                && seen.isAfter(Instant.now().minus(Duration.ofSeconds(leaseSeconds)))) return RunStart.BUSY;
        rows.put(id, with(v, VideoStatus.RUNNING, v.jobId(), v.runs() + 1, v.error()));
        runTokens.put(id, token);
        runSeen.put(id, Instant.now());
        return RunStart.STARTED;
    }

    @Override
    public synchronized boolean renewRun(String id, String token) {
        if (!Objects.equals(runTokens.get(id), token)) return false;
        runSeen.put(id, Instant.now());
        return true;
    }

    @Override
    public synchronized boolean holdDraft(String id, String token, int leaseSeconds) {
        VideoRow v = rows.get(id);
        if (v == null || v.status() != VideoStatus.DRAFT) return false;
        Instant seen = runSeen.get(id);
        if (runTokens.containsKey(id)
                && seen != null
                && seen.isAfter(Instant.now().minus(Duration.ofSeconds(leaseSeconds)))) return false;
        runTokens.put(id, token);
        runSeen.put(id, Instant.now());
        return true;
    }

    @Override
    public synchronized void releaseRun(String id, String token) {
        if (Objects.equals(runTokens.get(id), token)) {
            runTokens.remove(id);
            runSeen.remove(id);
        }
    }

    @Override
    public synchronized boolean finishRun(String id, String token, VideoStatus to, String error, String reason) {
        if (!Objects.equals(runTokens.get(id), token)) return false;
        boolean moved = move(id, Set.of(VideoStatus.RUNNING), v -> with(v, to, v.jobId(), v.runs(), error));
        if (moved) {
            if (reason == null) failReasons.remove(id);
            else failReasons.put(id, reason);
        }
        return moved;
    }

    @Override
    public synchronized Optional<String> failReason(String id) {
        return Optional.ofNullable(failReasons.get(id));
    }

    /** What a reservation clears (the budgets' store calls this when a video is queued again). */
    synchronized void clearFailReason(String id) {
        failReasons.remove(id);
    }

    @Override
    public synchronized void noteError(String id, String error) {
        update(id, v -> with(v, v.status(), v.jobId(), v.runs(), error));
    }

    @Override
    public synchronized boolean cancel(String id) {
        return move(
                id,
                Set.of(VideoStatus.QUEUED, VideoStatus.RUNNING),
                v -> with(v, VideoStatus.CANCELLED, v.jobId(), v.runs(), v.error()));
    }

    @Override
    public synchronized boolean replanDraft(String id, int blocks, BigDecimal estimateUsd) {
        return move(
                id,
                Set.of(VideoStatus.DRAFT),
                v -> with(
                        v,
                        blocks,
                        estimateUsd,
                        v.status(),
                        v.jobId(),
                        v.runs(),
                        v.error(),
                        v.createdAt(),
                        Instant.now()));
    }

    @Override
    public synchronized Map<String, String> active() {
        Map<String, String> out = new LinkedHashMap<>();
        rows.values().stream()
                .filter(v -> v.status() == VideoStatus.QUEUED || v.status() == VideoStatus.RUNNING)
                .forEach(v -> out.put(v.id(), v.jobId()));
        return out;
    }

    @Override
    public synchronized boolean delete(String ownerId, String id) {
        VideoRow v = rows.get(id);
        if (v == null
                || !v.ownerId().equals(ownerId)
                || v.status() == VideoStatus.QUEUED
                || v.status() == VideoStatus.RUNNING) return false;
        rows.remove(id);
        return true;
    }

    synchronized List<VideoRow> all() {
        return new ArrayList<>(rows.values());
    }

    private boolean move(String id, Set<VideoStatus> from, UnaryOperator<VideoRow> to) {
        VideoRow v = rows.get(id);
        if (v == null || !from.contains(v.status())) return false;
        rows.put(id, to.apply(v));
        return true;
    }

    private void update(String id, UnaryOperator<VideoRow> change) {
        VideoRow v = rows.get(id);
        if (v != null) rows.put(id, change.apply(v));
    }

    private static VideoRow with(VideoRow v, VideoStatus status, String jobId, int runs, String error) {
        return with(v, v.blocks(), v.estimateUsd(), status, jobId, runs, error, v.createdAt(), Instant.now());
    }

    private static VideoRow with(
            VideoRow v,
            int blocks,
            BigDecimal estimateUsd,
            VideoStatus status,
            String jobId,
            int runs,
            String error,
            Instant created,
            Instant updated) {
        return new VideoRow(
                v.id(),
                v.ownerId(),
                v.characterId(),
                v.characterName(),
                v.characterDescription(),
                v.characterStyle(),
                v.theme(),
                v.language(),
                v.provider(),
                blocks,
                status,
                estimateUsd,
                jobId,
                runs,
                error,
                created,
                updated,
                v.cast(),
                v.plan());
    }
}
