package io.reelsmith.service;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job of one video run (app's {@code VideoRunner}). Serialized into JobRunr's tables. */
public record VideoJob(String videoId) implements JobRequest {
    @Override
    public Class<VideoJobHandler> getJobRequestHandler() {
        return VideoJobHandler.class;
    }
}
