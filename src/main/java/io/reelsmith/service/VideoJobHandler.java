package io.reelsmith.service;

import io.reelsmith.app.video.VideoRunner;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Runs a {@link VideoJob} with the app's {@link VideoRunner}, telling it JobRunr's job id so that a job the video no
 * longer points at (retried or cancelled meanwhile) does nothing. A failure is thrown back: JobRunr retries it.
 */
public record VideoJobHandler(VideoRunner runner, int nice) implements JobRequestHandler<VideoJob> {
    @Override
    public void run(VideoJob job) throws Exception {
        ThreadNice.lower(nice); // a job thread yields to the API's threads
        JobContext ctx = jobContext();
        runner.run(
                job.videoId(),
                ctx == null || ctx.getJobId() == null ? null : ctx.getJobId().toString());
    }
}
