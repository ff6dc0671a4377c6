package io.reelsmith.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.app.Page;
import io.reelsmith.app.video.CastMember;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.app.video.VideoStore;
import io.reelsmith.kernel.TakePlan;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Video jobs in the {@code videos} table: every status change is one conditional UPDATE ({@code … WHERE status IN (…)}). */
public final class Videos implements VideoStore {
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

    private static final RowMapper<Shown> SHOWN_ROW =
            (rs, ctx) -> new Shown(ROW.map(rs, ctx), rs.getBigDecimal("spent_usd"), rs.getString("fail_reason"));
    private final Jdbi jdbi;

    public Videos(Jdbi jdbi) {
        this.jdbi = jdbi;
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

    /** The owner's video, or empty: another user's id is not found, never forbidden, so ids do not leak. */
    @Override
    public Optional<VideoRow> find(String ownerId, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM videos WHERE id = ? AND owner_id = ?")
                .bind(0, id)
                .bind(1, ownerId)
                .map(ROW)
                .findOne());
    }

    /** For the worker, which acts for whoever owns the job. */
    @Override
    public Optional<VideoRow> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM videos WHERE id = ?")
                .bind(0, id)
                .map(ROW)
                .findOne());
    }

    @Override
    public Page<VideoRow> list(String ownerId, int limit, int offset) {
        return Pages.ofOwner(jdbi, "videos", ROW, ownerId, limit, offset);
    }

    /** {@link #find(String, String)} with the video's money. */
    @Override
    public Optional<Shown> findShown(String ownerId, String id) {
        return jdbi.withHandle(h -> h.createQuery(SHOWN + " FROM videos v WHERE v.id = ? AND v.owner_id = ?")
                .bind(0, id)
                .bind(1, ownerId)
                .map(SHOWN_ROW)
                .findOne());
    }

    /** A page of the owner's videos with their money, newest first, and how many there are: one query. */
    @Override
    public Page<Shown> listShown(String ownerId, int limit, int offset) {
        return jdbi.withHandle(h -> {
            List<Map.Entry<Shown, Long>> rows = h.createQuery(
                            SHOWN + ", COUNT(*) OVER () AS total_rows FROM videos v WHERE v.owner_id = ? "
                                    + "ORDER BY v.created_at DESC, v.id LIMIT ? OFFSET ?")
                    .bind(0, ownerId)
                    .bind(1, limit)
                    .bind(2, offset)
                    .map((rs, ctx) -> Map.entry(SHOWN_ROW.map(rs, ctx), rs.getLong("total_rows")))
                    .list();
            // a page past the end has no row to carry the total: only then is it counted apart
            long total = !rows.isEmpty()
                    ? rows.get(0).getValue()
                    : offset == 0
                            ? 0
                            : h.createQuery("SELECT COUNT(*) FROM videos WHERE owner_id = ?")
                                    .bind(0, ownerId)
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
        int n = jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE videos SET status = 'RUNNING', runs = runs + 1, run_token = ?, run_seen = CURRENT_TIMESTAMP, "
                                + "updated_at = ? WHERE id = ? AND status IN ('QUEUED', 'RUNNING') AND (run_token IS NULL OR run_seen < CURRENT_TIMESTAMP - INTERVAL '"
                                + leaseSeconds + "' SECOND)")
                .bind(0, token)
                .bind(1, Rows.now())
                .bind(2, id)
                .execute());
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
        return jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE videos SET run_seen = CURRENT_TIMESTAMP WHERE id = ? AND run_token = ?")
                        .bind(0, id)
                        .bind(1, token)
                        .execute())
                > 0;
    }

    /** Gives the lease back (at the end of a run, whatever its outcome). */
    @Override
    public void releaseRun(String id, String token) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE videos SET run_token = NULL, run_seen = NULL WHERE id = ? AND run_token = ?")
                .bind(0, id)
                .bind(1, token)
                .execute());
    }

    /** Ends a run; no effect if the video is no longer running (cancelled meanwhile) or the run lost its lease. */
    @Override
    public boolean finishRun(String id, String token, VideoStatus to, String error, String reason) {
        return jdbi.withHandle(
                        h -> h.createUpdate("UPDATE videos SET status = ?, error = ?, fail_reason = ?, updated_at = ? "
                                        + "WHERE id = ? AND status = 'RUNNING' AND run_token = ?")
                                .bind(0, to.name())
                                .bind(1, error)
                                .bind(2, reason)
                                .bind(3, Rows.now())
                                .bind(4, id)
                                .bind(5, token)
                                .execute())
                > 0;
    }

    /** Why a failed video failed: "budget" when a budget stopped it, else null. */
    @Override
    public Optional<String> failReason(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT fail_reason FROM videos WHERE id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .findOne());
    }

    /** A failed run that will be tried again: stays RUNNING, keeps the error for the user to see. */
    @Override
    public void noteError(String id, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE videos SET error = ?, updated_at = ? WHERE id = ?")
                .bind(0, error)
                .bind(1, Rows.now())
                .bind(2, id)
                .execute());
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
        return jdbi.withHandle(h -> h.createUpdate(
                                "UPDATE videos SET run_token = ?, run_seen = CURRENT_TIMESTAMP WHERE id = ? AND status = 'DRAFT' "
                                        + "AND (run_token IS NULL OR run_seen < CURRENT_TIMESTAMP - INTERVAL '"
                                        + leaseSeconds + "' SECOND)")
                        .bind(0, token)
                        .bind(1, id)
                        .execute())
                > 0;
    }

    /** A new script while the video is a draft; false once it has started. */
    @Override
    public boolean replanDraft(String id, int blocks) {
        return update(
                "UPDATE videos SET blocks = ?, updated_at = ? WHERE id = ? AND status IN (<from>)",
                new VideoStatus[] {VideoStatus.DRAFT},
                blocks,
                Rows.now(),
                id);
    }

    @Override
    public Optional<VideoStatus> status(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM videos WHERE id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .findOne()
                .map(VideoStatus::valueOf));
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
        return jdbi.withHandle(h -> h.createUpdate(
                                "DELETE FROM videos WHERE id = ? AND owner_id = ? AND status NOT IN ('QUEUED', 'RUNNING')")
                        .bind(0, id)
                        .bind(1, ownerId)
                        .execute())
                > 0;
    }

    private boolean update(String sql, VideoStatus[] from, Object... args) {
        // The IN list holds only this enum's names, so it is spliced in; every other value is a bound parameter.
        String in = String.join(
                ", ", Arrays.stream(from).map(s -> "'" + s.name() + "'").toList());
        return jdbi.withHandle(h -> {
                    var u = h.createUpdate(sql.replace("<from>", in));
                    for (int i = 0; i < args.length; i++) u.bind(i, args[i]);
                    return u.execute();
                })
                > 0;
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
