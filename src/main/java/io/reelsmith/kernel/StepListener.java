package io.reelsmith.kernel;

/** Told about each step of a run; the CLI draws progress with it, the service logs and publishes events. */
public interface StepListener {
    default void stepStarted(Step step, int index, int total) { }

    default void stepFinished(Step step, long millis, boolean skipped) { }

    /** Before a block is made a second time: the drift check found another character (the run's gate has let it pay). */
    default void retaking(Step.Retake retake) { }

    StepListener NONE = new StepListener() { };
}
