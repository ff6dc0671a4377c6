package io.reelsmith.service;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job that plans and starts the videos of one batch (app's {@code BatchRunner}). */
public record BatchJob(String batchId) implements JobRequest {
    @Override
    public Class<BatchJobHandler> getJobRequestHandler() {
        return BatchJobHandler.class;
    }
}
