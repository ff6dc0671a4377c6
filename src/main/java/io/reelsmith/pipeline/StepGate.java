package io.reelsmith.pipeline;

import io.reelsmith.kernel.Step;

/**
 * Asked by the {@link Pipeline} before each unfinished step of a run and before a block's retake: throws a
 * {@link StepRefusedException} (the service's budget) to stop the run before that step pays for anything.
 */
public interface StepGate {
    void beforeStep(Step step);

    StepGate NONE = step -> { };
}
