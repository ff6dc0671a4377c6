package io.reelsmith.service;

import io.reelsmith.app.video.JobQueue;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;

/** The app's {@link JobQueue} on JobRunr: jobs live in JobRunr's tables of the service's database. */
public record JobRunrQueue(JobRequestScheduler scheduler) implements JobQueue {
    @Override
    public void runVideo(String jobId, String videoId) {
        scheduler.enqueue(UUID.fromString(jobId), new VideoJob(videoId));
    }

    @Override
    public void startBatch(String jobId, String batchId) {
        scheduler.enqueue(UUID.fromString(jobId), new BatchJob(batchId));
    }

    @Override
    public void cancel(String jobId, String reason) {
        scheduler.delete(UUID.fromString(jobId), reason);
    }
}
