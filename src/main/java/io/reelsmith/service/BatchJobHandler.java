package io.reelsmith.service;

import io.reelsmith.app.batch.BatchRunner;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link BatchJob} with the app's {@link BatchRunner}. */
public record BatchJobHandler(BatchRunner runner) implements JobRequestHandler<BatchJob> {
    @Override
    public void run(BatchJob job) {
        runner.run(job.batchId());
    }
}
