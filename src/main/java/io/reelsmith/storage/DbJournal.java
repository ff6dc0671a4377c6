package io.reelsmith.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.app.video.StepRow;
import io.reelsmith.kernel.Step;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.RunSupersededException;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.pipeline.StepStatus;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The service's {@link Journal}: rows of {@code video_steps} and {@code video_checkpoints} for one video, with
 * every change also appended to {@code video_step_log}. Each method is one transaction, committed before it
 * returns (same semantics as the CLI's {@code FileJournal}); called within a caller's transaction it joins it.
 *
 * <p>A run's journal (one holding the video's run lease) reads the video's step rows once, then keeps them as its own
 * committed writes leave them: while it holds the lease no other run writes them (the API resets steps only of a video
 * that is not running), so a step's lookup costs no query, and a step the run has never seen is inserted without an
 * update tried first — two statements fewer per step, both between one step's end and the next one's start.
 */
public final class DbJournal implements Journal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RowMapper<StepRow> STEP = stepRow("");
    private static final String FACT = "SELECT fact_value FROM video_checkpoints WHERE video_id = ? AND fact_key = ?";
    private final Jdbi jdbi;
    private final String videoId;
    private final String runToken;
    /** A run's step rows by name as committed (null until first read; never for the API's journals). */
    private Map<String, StepRecord> known;

    /** A journal to read or reset steps (the API); it cannot {@link #claim} a paid submission. */
    public DbJournal(Jdbi jdbi, String videoId) {
        this(jdbi, videoId, null);
    }

    /** The journal of one run holding the video's run lease {@code runToken} (its fencing token). */
    public DbJournal(Jdbi jdbi, String videoId, String runToken) {
        this.jdbi = jdbi;
        this.videoId = videoId;
        this.runToken = runToken;
    }

    /** A {@code video_steps} row whose columns are named with {@code prefix} (a join names them apart from the video's). */
    static RowMapper<StepRow> stepRow(String prefix) {
        return (rs, ctx) -> new StepRow(
                rs.getString(prefix + "name"),
                StepStatus.valueOf(rs.getString(prefix + "status")),
                rs.getInt(prefix + "attempts"),
                rs.getLong(prefix + "millis"),
                rs.getString(prefix + "error"),
                outputs(rs.getString(prefix + "outputs")),
                rs.getObject(prefix + "started_at", OffsetDateTime.class),
                rs.getObject(prefix + "finished_at", OffsetDateTime.class));
    }

    /** One line of the step history. */
    public record LogEntry(String step, String event, OffsetDateTime at, String detail) {}

    @Override
    public Optional<StepRecord> step(Step step) {
        if (runToken != null) return Optional.ofNullable(known().get(step.text()));
        return Rows.find(jdbi, STEP, "SELECT * FROM video_steps WHERE video_id = ? AND name = ?", videoId, step.text())
                .map(DbJournal::record);
    }

    private static StepRecord record(StepRow r) {
        return new StepRecord(r.name(), r.status(), r.attempts(), r.millis(), r.error(), r.outputs());
    }

    /** The run's step rows, read in one query the first time (the parallel plan's steps ask from several threads). */
    private synchronized Map<String, StepRecord> known() {
        if (known == null) {
            known = new ConcurrentHashMap<>();
            for (StepRow r : steps()) known.put(r.name(), record(r));
        }
        return known;
    }

    /** After a commit: what the run's view of the step is now (nothing for the API's journals). */
    private void remember(String name, UnaryOperator<StepRecord> change) {
        if (runToken == null) return;
        StepRecord now = change.apply(known().get(name));
        if (now == null) known().remove(name);
        else known().put(name, now);
    }

    /** Every step row with its times, for the API's progress view. */
    List<StepRow> steps() {
        return Rows.list(jdbi, STEP, "SELECT * FROM video_steps WHERE video_id = ?", videoId);
    }

    public List<LogEntry> log() {
        return Rows.list(
                jdbi,
                (rs, ctx) -> new LogEntry(
                        rs.getString("step"),
                        rs.getString("event"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("detail")),
                "SELECT * FROM video_step_log WHERE video_id = ? ORDER BY id",
                videoId);
    }

    /** The gate's reads (the budget, the ledger) join this transaction: one round of the database per step. */
    @Override
    public void started(Step step, StepGate gate) {
        boolean unseen = unseen(step);
        jdbi.useTransaction(h -> {
            gate.beforeStep(step);
            start(h, step.text(), unseen);
        });
        rememberStarted(step.text());
    }

    @Override
    public void started(Step step) {
        boolean unseen = unseen(step);
        jdbi.useTransaction(h -> start(h, step.text(), unseen));
        rememberStarted(step.text());
    }

    /** Whether this run knows the step has no row yet (then an insert alone starts it). */
    private boolean unseen(Step step) {
        return runToken != null && !known().containsKey(step.text());
    }

    private void start(Handle h, String name, boolean unseen) {
        OffsetDateTime now = now();
        int n = unseen
                ? 0
                : h.execute(
                        "UPDATE video_steps SET status = 'RUNNING', attempts = attempts + 1, error = NULL, outputs = '{}', "
                                + "started_at = ?, finished_at = NULL, millis = 0 WHERE video_id = ? AND name = ?",
                        now,
                        videoId,
                        name);
        if (n == 0)
            h.execute(
                    "INSERT INTO video_steps (video_id, name, status, attempts, millis, outputs, started_at) "
                            + "VALUES (?, ?, 'RUNNING', 1, 0, '{}', ?)",
                    videoId,
                    name,
                    now);
        log(h, name, "started", null);
    }

    private void rememberStarted(String name) {
        remember(
                name,
                r -> new StepRecord(name, StepStatus.RUNNING, r == null ? 1 : r.attempts() + 1, 0, null, Map.of()));
    }

    @Override
    public void finished(Step step, Map<String, String> outputs, long millis) {
        String name = step.text();
        jdbi.useTransaction(h -> {
            h.execute(
                    "UPDATE video_steps SET status = 'DONE', millis = ?, outputs = ?, error = NULL, finished_at = ? "
                            + "WHERE video_id = ? AND name = ?",
                    millis,
                    json(outputs),
                    now(),
                    videoId,
                    name);
            log(h, name, "finished", millis + " ms");
        });
        remember(
                name,
                r -> r == null ? null : new StepRecord(name, StepStatus.DONE, r.attempts(), millis, null, outputs));
    }

    @Override
    public void failed(Step step, String error) {
        String name = step.text(), e = clip(error);
        jdbi.useTransaction(h -> {
            h.execute(
                    "UPDATE video_steps SET status = 'FAILED', error = ?, finished_at = ? WHERE video_id = ? AND name = ?",
                    e,
                    now(),
                    videoId,
                    name);
            log(h, name, "failed", e);
        });
        remember(
                name,
                r -> r == null
                        ? null
                        : new StepRecord(name, StepStatus.FAILED, r.attempts(), r.millis(), e, r.outputs()));
    }

    @Override
    public void reset(Step step) {
        String name = step.text();
        jdbi.useTransaction(h -> {
            h.execute("DELETE FROM video_steps WHERE video_id = ? AND name = ?", videoId, name);
            h.execute("DELETE FROM video_checkpoints WHERE video_id = ? AND fact_key LIKE ?", videoId, name + ".%");
            log(h, name, "reset", null);
        });
        remember(name, r -> null);
    }

    @Override
    public Optional<String> get(String key) {
        return Rows.value(jdbi, String.class, FACT, videoId, key);
    }

    @Override
    public void put(String key, String value) {
        jdbi.useTransaction(h -> {
            int n = h.execute(
                    "UPDATE video_checkpoints SET fact_value = ? WHERE video_id = ? AND fact_key = ?",
                    value,
                    videoId,
                    key);
            if (n == 0)
                h.execute(
                        "INSERT INTO video_checkpoints (video_id, fact_key, fact_value) VALUES (?, ?, ?)",
                        videoId,
                        key,
                        value);
        });
    }

    /**
     * One row of {@code video_checkpoints} inserted only while this run still holds the video's lease: the
     * primary key makes a second claim of the key impossible, and the lease check refuses a run that was taken over.
     */
    @Override
    public Claim claim(String key) {
        if (runToken == null)
            throw new IllegalStateException("only a run holding the video's lease may claim a paid submission");
        try {
            return jdbi.inTransaction(h -> {
                if (h.select(FACT, videoId, key).mapTo(String.class).findOne().isPresent()) return Claim.TAKEN;
                int n = h.execute(
                        "INSERT INTO video_checkpoints (video_id, fact_key, fact_value) "
                                + "SELECT id, ?, ? FROM videos WHERE id = ? AND run_token = ?",
                        key,
                        "claimed by run " + runToken + " at " + now(),
                        videoId,
                        runToken);
                if (n == 0) throw new RunSupersededException(videoId);
                log(h, key.contains(".") ? key.substring(0, key.indexOf('.')) : key, "claimed", key);
                return Claim.GRANTED;
            });
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState()))
                return Claim.TAKEN; // claimed meanwhile
            throw e;
        }
    }

    private void log(Handle h, String step, String event, String detail) {
        h.execute(
                "INSERT INTO video_step_log (video_id, step, event, at, detail) VALUES (?, ?, ?, ?, ?)",
                videoId,
                step,
                event,
                now(),
                detail);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String clip(String s) {
        if (s == null) return "failed";
        return s.length() <= 2000 ? s : s.substring(0, 1997) + "…";
    }

    private static String json(Map<String, String> outputs) {
        try {
            return JSON.writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> outputs(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable step outputs: " + e.getMessage(), e);
        }
    }
}
