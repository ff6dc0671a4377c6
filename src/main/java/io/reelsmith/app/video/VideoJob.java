package io.reelsmith.app.video;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job of one video run: what {@link VideoRunner} is asked to do. Serialized into JobRunr's tables. */
public record VideoJob(String videoId) implements JobRequest {
    @Override
    public Class<VideoRunner> getJobRequestHandler() {
        return VideoRunner.class;
    }
}
