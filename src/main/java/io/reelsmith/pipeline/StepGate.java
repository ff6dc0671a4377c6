package io.reelsmith.pipeline;

import io.reelsmith.kernel.Step;
import java.util.List;

/**
 * Asked by the {@link Pipeline} before each unfinished step of a run and before a block's retake: throws a
 * {@link StepRefusedException} (the service's budget) to stop the run before that step pays for anything.
 */
public interface StepGate {
    void beforeStep(Step step);

    /** Before steps that run at once (the parallel plan's), ahead of all of them: by default each is asked alone. */
    default void beforeSteps(List<Step> steps) {
        for (Step s : steps) beforeStep(s);
    }

    StepGate NONE = step -> {};
}
