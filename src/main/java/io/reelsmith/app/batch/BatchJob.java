package io.reelsmith.app.batch;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job that plans and starts the videos of one batch ({@link BatchRunner}). */
public record BatchJob(String batchId) implements JobRequest {
    @Override
    public Class<BatchRunner> getJobRequestHandler() {
        return BatchRunner.class;
    }
}
