package io.reelsmith.pipeline;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Step;
import java.util.Map;
import java.util.Optional;

/**
 * The durable record of a video job's steps. The pipeline asks it what is finished, tells it before a
 * step starts (so attempts are counted even if the process dies) and after it ends. Adapters:
 * {@link FileJournal} (a JSON file beside the job's files, used by the CLI) and the database journal of
 * the service. Every write is durable when the method returns.
 */
public interface Journal extends Checkpoint {
    Optional<StepRecord> step(Step step);

    default boolean isDone(Step step) {
        return step(step).map(s -> s.status() == StepStatus.DONE).orElse(false);
    }

    /**
     * The step's bookkeeping before it runs: {@code gate} is asked (it may refuse, see {@link StepGate}), then the
     * step is recorded as started — in one transaction where the journal has transactions, so a step's budget check
     * and its start are one round of the database.
     */
    default void started(Step step, StepGate gate) {
        gate.beforeStep(step);
        started(step);
    }

    void started(Step step);

    void finished(Step step, Map<String, String> outputs, long millis);

    void failed(Step step, String error);

    /** Forgets a step (and its checkpoints) so it runs again: regenerate from block k. */
    void reset(Step step);
}
