package io.reelsmith.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.app.Page;
import io.reelsmith.app.video.CastMember;
import io.reelsmith.app.video.StepRow;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.app.video.VideoStore;
import io.reelsmith.kernel.TakePlan;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Video jobs in the {@code videos} table: every status change is one conditional UPDATE ({@code … WHERE status IN (…)}). */
public final class Videos extends WorkerRows<VideoRow> implements VideoStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RowMapper<VideoRow> ROW = (rs, ctx) -> new VideoRow(
            rs.getString("id"),
            rs.getString("owner_id"),
            rs.getString("character_id"),
            rs.getString("character_name"),
            rs.getString("character_description"),
            rs.getString("character_style"),
            rs.getString("theme"),
            rs.getString("language"),
            rs.getString("provider"),
            rs.getInt("blocks"),
            VideoStatus.valueOf(rs.getString("status")),
            rs.getBigDecimal("estimate_usd"),
            rs.getString("job_id"),
            rs.getInt("runs"),
            rs.getString("error"),
            Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"),
            rs.getString("cast_json") == null ? null : castFromJson(rs.getString("cast_json")),
            TakePlan.valueOf(rs.getString("take_plan")));
    /** The row, what it spent and why it failed: all the video's JSON shows, in one query (it is polled). */
    private static final String SHOWN =
            "SELECT v.*, (" + DbSpendLedger.spentWhere("video_id").replace("?", "v.id") + ") AS spent_usd";

    /** {@link #SHOWN} of one video, joined with its steps (their columns prefixed {@code step_}). */
    private static final String STATUS = "SELECT v.*, s.name AS step_name, s.status AS step_status, "
            + "s.attempts AS step_attempts, s.millis AS step_millis, s.error AS step_error, s.outputs AS step_outputs, "
            + "s.started_at AS step_started_at, s.finished_at AS step_finished_at FROM ("
            + SHOWN
            + " FROM videos v WHERE v.id = ? AND v.owner_id = ?) v LEFT JOIN video_steps s ON s.video_id = v.id";

    private static final RowMapper<StepRow> STEP_ROW = DbJournal.stepRow("step_");

    private static final RowMapper<Shown> SHOWN_ROW =
            (rs, ctx) -> new Shown(ROW.map(rs, ctx), rs.getBigDecimal("spent_usd"), rs.getString("fail_reason"));

    public Videos(Jdbi jdbi) {
        super(jdbi, "videos", ROW);
    }

    @Override
    public void create(VideoRow v) {
        var now = Rows.now();
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO videos (id, owner_id, character_id, character_name, character_description, "
                                + "character_style, theme, language, provider, blocks, status, estimate_usd, runs, created_at, updated_at, cast_json, take_plan) VALUES "
                                + "(:id, :ownerId, :characterId, :characterName, :characterDescription, :characterStyle, :theme, :language, "
                                + ":provider, :blocks, :st, :estimateUsd, 0, :at, :at, :castJson, :takePlan)")
                .bindMethods(v)
                .bind("st", v.status().name())
                .bind("at", now)
                .bind("castJson", castToJson(v.cast()))
                .bind("takePlan", v.plan().name())
                .execute());
    }

    /** The video, its money and its step rows: one row per step (one with no step before it starts), one round trip. */
    @Override
    public Optional<Status> findStatus(String ownerId, String id) {
        return jdbi.withHandle(h -> h.select(STATUS, id, ownerId).scanResultSet((rows, ctx) -> {
            ResultSet rs = rows.get();
            if (!rs.next()) return Optional.<Status>empty();
            Shown shown = SHOWN_ROW.map(rs, ctx);
            List<StepRow> steps = new ArrayList<>();
            do {
                if (rs.getString("step_name") != null) steps.add(STEP_ROW.map(rs, ctx));
            } while (rs.next());
            return Optional.of(new Status(shown, List.copyOf(steps)));
        }));
    }

    /** A page of the owner's videos with their money, newest first, and how many there are: one query. */
    @Override
    public Page<Shown> listShown(String ownerId, int limit, int offset) {
        return jdbi.withHandle(h -> {
            List<Map.Entry<Shown, Long>> rows = h.select(
                            SHOWN + ", COUNT(*) OVER () AS total_rows FROM videos v WHERE v.owner_id = ? "
                                    + "ORDER BY v.created_at DESC, v.id LIMIT ? OFFSET ?",
                            ownerId,
                            limit,
                            offset)
                    .map((rs, ctx) -> Map.entry(SHOWN_ROW.map(rs, ctx), rs.getLong("total_rows")))
                    .list();
            // a page past the end has no row to carry the total: only then is it counted apart
            long total = !rows.isEmpty()
                    ? rows.get(0).getValue()
                    : offset == 0
                            ? 0
                            : h.select("SELECT COUNT(*) FROM videos WHERE owner_id = ?", ownerId)
                                    .mapTo(Long.class)
                                    .one();
            return new Page<>(rows.stream().map(Map.Entry::getKey).toList(), total, limit, offset);
        });
    }

    /** Joins the caller's transaction, if any: the budget's reservation is made with it. */
    @Override
    public boolean queue(String id, String jobId, VideoStatus... from) {
        return update(
                "UPDATE videos SET status = 'QUEUED', job_id = ?, runs = 0, error = NULL, updated_at = ? WHERE id = ? AND status IN (<from>)",
                from,
                jobId,
                Rows.now(),
                id);
    }

    /** The lease is checked against the database's clock, the same for every worker. */
    @Override
    public RunStart startRun(String id, String token, int leaseSeconds) {
        int n = Rows.update(
                jdbi,
                "UPDATE videos SET status = 'RUNNING', runs = runs + 1, run_token = ?, run_seen = CURRENT_TIMESTAMP, "
                        + "updated_at = ? WHERE id = ? AND status IN ('QUEUED', 'RUNNING') AND (run_token IS NULL OR run_seen < CURRENT_TIMESTAMP - INTERVAL '"
                        + leaseSeconds + "' SECOND)",
                token,
                Rows.now(),
                id);
        if (n > 0) return RunStart.STARTED;
        return status(id)
                        .filter(s -> s == VideoStatus.QUEUED || s == VideoStatus.RUNNING)
                        .isPresent()
                ? RunStart.BUSY
                : RunStart.INACTIVE;
    }

    /** The run's heartbeat; false when the lease was taken over (the run must stop: its claims are refused). */
    @Override
    public boolean renewRun(String id, String token) {
        return Rows.changed(
                jdbi, "UPDATE videos SET run_seen = CURRENT_TIMESTAMP WHERE id = ? AND run_token = ?", id, token);
    }

    /** Gives the lease back (at the end of a run, whatever its outcome). */
    @Override
    public void releaseRun(String id, String token) {
        Rows.update(
                jdbi, "UPDATE videos SET run_token = NULL, run_seen = NULL WHERE id = ? AND run_token = ?", id, token);
    }

    /** Ends a run; no effect if the video is no longer running (cancelled meanwhile) or the run lost its lease. */
    @Override
    public boolean finishRun(String id, String token, VideoStatus to, String error, String reason) {
        return Rows.changed(
                jdbi,
                "UPDATE videos SET status = ?, error = ?, fail_reason = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'RUNNING' AND run_token = ?",
                to.name(),
                error,
                reason,
                Rows.now(),
                id,
                token);
    }

    /** Why a failed video failed: "budget" when a budget stopped it, else null. */
    @Override
    public Optional<String> failReason(String id) {
        return Rows.value(jdbi, String.class, "SELECT fail_reason FROM videos WHERE id = ?", id);
    }

    /** A failed run that will be tried again: stays RUNNING, keeps the error for the user to see. */
    @Override
    public void noteError(String id, String error) {
        Rows.update(jdbi, "UPDATE videos SET error = ?, updated_at = ? WHERE id = ?", error, Rows.now(), id);
    }

    @Override
    public boolean cancel(String id) {
        return update(
                "UPDATE videos SET status = 'CANCELLED', updated_at = ? WHERE id = ? AND status IN (<from>)",
                new VideoStatus[] {VideoStatus.QUEUED, VideoStatus.RUNNING},
                Rows.now(),
                id);
    }

    /**
     * Holds a draft video's run lease while a request pays for something of it (drawing its storyboard), so that two
     * requests never draw the same keyframes and a start waits until the drawing is over; false when another holds it.
     */
    @Override
    public boolean holdDraft(String id, String token, int leaseSeconds) {
        return Rows.changed(
                jdbi,
                "UPDATE videos SET run_token = ?, run_seen = CURRENT_TIMESTAMP WHERE id = ? AND status = 'DRAFT' "
                        + "AND (run_token IS NULL OR run_seen < CURRENT_TIMESTAMP - INTERVAL '"
                        + leaseSeconds + "' SECOND)",
                token,
                id);
    }

    /** A new script while the video is a draft; false once it has started. */
    @Override
    public boolean replanDraft(String id, int blocks, BigDecimal estimateUsd) {
        return update(
                "UPDATE videos SET blocks = ?, estimate_usd = ?, updated_at = ? WHERE id = ? AND status IN (<from>)",
                new VideoStatus[] {VideoStatus.DRAFT},
                blocks,
                estimateUsd,
                Rows.now(),
                id);
    }

    @Override
    public Optional<VideoStatus> status(String id) {
        return Rows.value(jdbi, String.class, "SELECT status FROM videos WHERE id = ?", id)
                .map(VideoStatus::valueOf);
    }

    /** Videos that should have a live JobRunr job: id → job id. */
    @Override
    public Map<String, String> active() {
        return jdbi
                .withHandle(h -> h.createQuery("SELECT id, job_id FROM videos WHERE status IN ('QUEUED', 'RUNNING')")
                        .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("job_id")))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public boolean delete(String ownerId, String id) {
        return Rows.changed(
                jdbi,
                "DELETE FROM videos WHERE id = ? AND owner_id = ? AND status NOT IN ('QUEUED', 'RUNNING')",
                id,
                ownerId);
    }

    private boolean update(String sql, VideoStatus[] from, Object... args) {
        return Rows.changed(jdbi, sql.replace("<from>", Rows.names(from)), args);
    }

    /** The {@code videos.cast_json} column. */
    private static String castToJson(List<CastMember> cast) {
        try {
            return JSON.writeValueAsString(cast);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cast as JSON", e);
        }
    }

    private static List<CastMember> castFromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<CastMember>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cast of a video is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
