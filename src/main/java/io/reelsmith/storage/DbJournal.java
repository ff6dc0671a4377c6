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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The service's {@link Journal}: rows of {@code video_steps} and {@code video_checkpoints} for one video, with
 * every change also appended to {@code video_step_log}. Each method is one transaction, committed before it
 * returns (same semantics as the CLI's {@code FileJournal}); called within a caller's transaction it joins it.
 */
public final class DbJournal implements Journal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final String videoId;
    private final String runToken;

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

    /** One line of the step history. */
    public record LogEntry(String step, String event, OffsetDateTime at, String detail) {}

    @Override
    public Optional<StepRecord> step(Step step) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM video_steps WHERE video_id = ? AND name = ?")
                .bind(0, videoId)
                .bind(1, step.text())
                .map((rs, ctx) -> new StepRecord(
                        rs.getString("name"),
                        StepStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getLong("millis"),
                        rs.getString("error"),
                        outputs(rs.getString("outputs"))))
                .findOne());
    }

    /** Every step row with its times, for the API's progress view. */
    List<StepRow> steps() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM video_steps WHERE video_id = ?")
                .bind(0, videoId)
                .map((rs, ctx) -> new StepRow(
                        rs.getString("name"),
                        StepStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getLong("millis"),
                        rs.getString("error"),
                        outputs(rs.getString("outputs")),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class)))
                .list());
    }

    public List<LogEntry> log() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM video_step_log WHERE video_id = ? ORDER BY id")
                .bind(0, videoId)
                .map((rs, ctx) -> new LogEntry(
                        rs.getString("step"),
                        rs.getString("event"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("detail")))
                .list());
    }

    /** The gate's reads (the budget, the ledger) join this transaction: one round of the database per step. */
    @Override
    public void started(Step step, StepGate gate) {
        jdbi.useTransaction(h -> {
            gate.beforeStep(step);
            started(step);
        });
    }

    @Override
    public void started(Step step) {
        String name = step.text();
        jdbi.useTransaction(h -> {
            OffsetDateTime now = now();
            int n = h.createUpdate(
                            "UPDATE video_steps SET status = 'RUNNING', attempts = attempts + 1, error = NULL, outputs = '{}', "
                                    + "started_at = ?, finished_at = NULL, millis = 0 WHERE video_id = ? AND name = ?")
                    .bind(0, now)
                    .bind(1, videoId)
                    .bind(2, name)
                    .execute();
            if (n == 0)
                h.createUpdate(
                                "INSERT INTO video_steps (video_id, name, status, attempts, millis, outputs, started_at) "
                                        + "VALUES (?, ?, 'RUNNING', 1, 0, '{}', ?)")
                        .bind(0, videoId)
                        .bind(1, name)
                        .bind(2, now)
                        .execute();
            log(h, name, "started", null);
        });
    }

    @Override
    public void finished(Step step, Map<String, String> outputs, long millis) {
        String name = step.text();
        jdbi.useTransaction(h -> {
            h.createUpdate(
                            "UPDATE video_steps SET status = 'DONE', millis = ?, outputs = ?, error = NULL, finished_at = ? "
                                    + "WHERE video_id = ? AND name = ?")
                    .bind(0, millis)
                    .bind(1, json(outputs))
                    .bind(2, now())
                    .bind(3, videoId)
                    .bind(4, name)
                    .execute();
            log(h, name, "finished", millis + " ms");
        });
    }

    @Override
    public void failed(Step step, String error) {
        String name = step.text(), e = clip(error);
        jdbi.useTransaction(h -> {
            h.createUpdate(
                            "UPDATE video_steps SET status = 'FAILED', error = ?, finished_at = ? WHERE video_id = ? AND name = ?")
                    .bind(0, e)
                    .bind(1, now())
                    .bind(2, videoId)
                    .bind(3, name)
                    .execute();
            log(h, name, "failed", e);
        });
    }

    @Override
    public void reset(Step step) {
        String name = step.text();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM video_steps WHERE video_id = ? AND name = ?")
                    .bind(0, videoId)
                    .bind(1, name)
                    .execute();
            h.createUpdate("DELETE FROM video_checkpoints WHERE video_id = ? AND fact_key LIKE ?")
                    .bind(0, videoId)
                    .bind(1, name + ".%")
                    .execute();
            log(h, name, "reset", null);
        });
    }

    @Override
    public Optional<String> get(String key) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT fact_value FROM video_checkpoints WHERE video_id = ? AND fact_key = ?")
                        .bind(0, videoId)
                        .bind(1, key)
                        .mapTo(String.class)
                        .findOne());
    }

    @Override
    public void put(String key, String value) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE video_checkpoints SET fact_value = ? WHERE video_id = ? AND fact_key = ?")
                    .bind(0, value)
                    .bind(1, videoId)
                    .bind(2, key)
                    .execute();
            if (n == 0)
                h.createUpdate("INSERT INTO video_checkpoints (video_id, fact_key, fact_value) VALUES (?, ?, ?)")
                        .bind(0, videoId)
                        .bind(1, key)
                        .bind(2, value)
                        .execute();
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
                if (h.createQuery("SELECT fact_value FROM video_checkpoints WHERE video_id = ? AND fact_key = ?")
                        .bind(0, videoId)
                        .bind(1, key)
                        .mapTo(String.class)
                        .findOne()
                        .isPresent()) return Claim.TAKEN;
                int n = h.createUpdate("INSERT INTO video_checkpoints (video_id, fact_key, fact_value) "
                                + "SELECT id, ?, ? FROM videos WHERE id = ? AND run_token = ?")
                        .bind(0, key)
                        .bind(1, "claimed by run " + runToken + " at " + now())
                        .bind(2, videoId)
                        .bind(3, runToken)
                        .execute();
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
        h.createUpdate("INSERT INTO video_step_log (video_id, step, event, at, detail) VALUES (?, ?, ?, ?, ?)")
                .bind(0, videoId)
                .bind(1, step)
                .bind(2, event)
                .bind(3, now())
                .bind(4, detail)
                .execute();
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
