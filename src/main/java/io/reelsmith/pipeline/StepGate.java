package io.reelsmith.pipeline;

import io.reelsmith.app.VideoRunner;
/**
 * Asked by {@code VideoRunner} before each unfinished step of a video: throws a {@link StepRefusedException} (the
 * service's budget check) to stop the run before that step pays for anything.
 */
public interface StepGate {
    void beforeStep(String videoId, String step);

    StepGate NONE = (videoId, step) -> { };
}
