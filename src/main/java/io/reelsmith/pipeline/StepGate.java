package io.reelsmith.pipeline;

import io.reelsmith.app.VideoRunner;

import java.util.List;
/**
 * Asked by {@code VideoRunner} before each unfinished step of a video: throws a {@link StepRefusedException} (the
 * service's budget check) to stop the run before that step pays for anything.
 */
public interface StepGate {
    void beforeStep(String videoId, String step);

    /** Before steps that run at once, ahead of all of them: by default each is asked alone. */
    default void beforeSteps(String videoId, List<String> steps) {
        for (String s : steps) beforeStep(videoId, s);
    }

    StepGate NONE = (videoId, step) -> { };
}
