package io.reelsmith.app.video;

/**
 * Port: the background jobs that make videos and start batches (the service's JobRunr). A job id is chosen by the
 * caller and recorded first, so a job lost in a crash is queued again under the same id, never twice.
 */
public interface JobQueue {
    /** Queues a run of video {@code videoId} ({@code VideoRunner}). */
    void runVideo(String jobId, String videoId);

    /** Queues the starter of batch {@code batchId} ({@code BatchRunner}). */
    void startBatch(String jobId, String batchId);

    /** Drops a queued job (a cancelled video); a running one is stopped by its own checks. */
    void cancel(String jobId, String reason);
}
