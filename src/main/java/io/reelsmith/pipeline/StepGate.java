package io.reelsmith.pipeline;

import io.reelsmith.app.VideoRunner;
/**
 * Asked by {@code VideoRunner} before each unfinished step of a video: throws a {@link StepRefusedException} (the
 * service's budget check) to stop the run before that step pays for anything.
 */
public interface StepGate {
    void beforeStep(String videoId, String step);

    /** This gate for a run whose provider is known: a step that costs nothing with it is let through without a lookup. */
    default StepGate forProvider(String provider) {
        return this;
    }

    StepGate NONE = (videoId, step) -> { };
}
