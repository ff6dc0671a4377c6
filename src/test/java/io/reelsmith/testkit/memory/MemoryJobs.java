package io.reelsmith.testkit.memory;

import io.reelsmith.app.video.JobQueue;
import java.util.ArrayList;
import java.util.List;

/** A job queue that only remembers: the test runs the runners itself. */
public final class MemoryJobs implements JobQueue {
    /** A queued job: what it runs ("video" or "batch") and for which id. */
    public record Queued(String jobId, String kind, String id) {}

    public final List<Queued> queued = new ArrayList<>();
    public final List<String> cancelled = new ArrayList<>();

    @Override
    public synchronized void runVideo(String jobId, String videoId) {
        queued.add(new Queued(jobId, "video", videoId));
    }

    @Override
    public synchronized void startBatch(String jobId, String batchId) {
        queued.add(new Queued(jobId, "batch", batchId));
    }

    @Override
    public synchronized void cancel(String jobId, String reason) {
        cancelled.add(jobId);
    }

    /** The last video job queued for {@code videoId}. */
    public synchronized String jobOf(String videoId) {
        for (int i = queued.size() - 1; i >= 0; i--)
            if (queued.get(i).kind().equals("video") && queued.get(i).id().equals(videoId))
                return queued.get(i).jobId();
        throw new IllegalStateException("no job queued for video " + videoId);
    }
}
