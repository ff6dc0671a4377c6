package io.reelsmith.pipeline;

import io.reelsmith.kernel.Checkpoint;
import java.util.Map;
import java.util.Optional;

/**
 * The durable record of a video job's steps. The pipeline asks it what is finished, tells it before a
 * step starts (so attempts are counted even if the process dies) and after it ends. Adapters:
 * {@link FileJournal} (a JSON file beside the job's files, used by the CLI) and the database journal of
 * the service. Every write is durable when the method returns.
 */
public interface Journal extends Checkpoint {
    Optional<StepRecord> step(String name);

    default boolean isDone(String name) {
        return step(name).map(s -> s.status() == StepStatus.DONE).orElse(false);
    }

    void started(String name);

    void finished(String name, Map<String, String> outputs, long millis);

    void failed(String name, String error);

    /** Forgets a step (and its checkpoints) so it runs again: regenerate from block k. */
    void reset(String name);
}
