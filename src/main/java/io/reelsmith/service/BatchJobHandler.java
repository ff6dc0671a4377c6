package io.reelsmith.service;

import io.reelsmith.app.batch.BatchRunner;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link BatchJob} with the app's {@link BatchRunner}. */
public record BatchJobHandler(BatchRunner runner, int nice) implements JobRequestHandler<BatchJob> {
    @Override
    public void run(BatchJob job) {
        ThreadNice.lower(nice); // a job thread yields to the API's threads
        runner.run(job.batchId());
    }
}
