package io.reelsmith.app.video;

import io.reelsmith.app.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: video jobs. Every status change is conditional on the state it leaves ({@code … WHERE status IN (…)}), so
 * two requests, or a request and a worker, cannot both win a transition. Inside a {@code Transactions} unit of work a
 * change joins it (a start is queued with its budget reservation).
 */
public interface VideoStore {
    void create(VideoRow v);

    /** The owner's video, or empty: another user's id is not found, never forbidden, so ids do not leak. */
    default Optional<VideoRow> find(String ownerId, String id) {
        return find(id).filter(v -> v.ownerId().equals(ownerId));
    }

    /** For the worker, which acts for whoever owns the job. */
    Optional<VideoRow> find(String id);

    Page<VideoRow> list(String ownerId, int limit, int offset);

    /** A video as its owner sees it: the row, what it has spent (charged and uncertain calls), why it failed ("budget"). */
    record Shown(VideoRow video, BigDecimal spentUsd, String failReason) {}

    /** A video as its JSON shows it: the row with its money, and its journal's step rows (none before it starts). */
    record Status(Shown shown, List<StepRow> steps) {}

    /**
     * {@link #find(String, String)} with what the video spent, why it failed and its steps, in one read: its JSON is
     * what clients poll while it is made.
     */
    Optional<Status> findStatus(String ownerId, String id);

    /** {@link #list} with each video's money, in one read. */
    Page<Shown> listShown(String ownerId, int limit, int offset);

    Optional<VideoStatus> status(String id);

    /** Moves to QUEUED for a new run with job {@code jobId}; the run counter and last error start afresh. */
    boolean queue(String id, String jobId, VideoStatus... from);

    /** What {@link #startRun} found. */
    enum RunStart {
        STARTED,
        BUSY,
        INACTIVE
    }

    /**
     * The worker takes the job and the video's run lease: QUEUED or (after a crash) RUNNING → RUNNING, counting the run,
     * only when no other run holds the lease or its holder has not renewed it for {@code leaseSeconds} (the store's
     * clock). {@code token} is this run's fencing token: claims and the end of the run check it.
     */
    RunStart startRun(String id, String token, int leaseSeconds);

    /** The run's heartbeat; false when the lease was taken over (the run must stop: its claims are refused). */
    boolean renewRun(String id, String token);

    /**
     * Holds a draft video's run lease while a request pays for something of it (drawing its storyboard), so that two
     * requests never draw the same keyframes and a start waits until the drawing is over; false when another holds it.
     */
    boolean holdDraft(String id, String token, int leaseSeconds);

    /** Gives the lease back (at the end of a run, whatever its outcome). */
    void releaseRun(String id, String token);

    /** Ends a run; no effect if the video is no longer running (cancelled meanwhile) or the run lost its lease. */
    boolean finishRun(String id, String token, VideoStatus to, String error, String reason);

    /** Why a failed video failed: "budget" when a budget stopped it, else empty. */
    Optional<String> failReason(String id);

    /** A failed run that will be tried again: stays RUNNING, keeps the error for the user to see. */
    void noteError(String id, String error);

    boolean cancel(String id);

    /** A new script while the video is a draft, and its estimate; false once it has started. */
    boolean replanDraft(String id, int blocks, BigDecimal estimateUsd);

    /** Videos that should have a live job: id → job id. */
    Map<String, String> active();

    /** Deletes a video that is not queued or running. */
    boolean delete(String ownerId, String id);
}
