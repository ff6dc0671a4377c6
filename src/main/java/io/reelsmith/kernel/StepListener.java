package io.reelsmith.kernel;

/** Told about each step of a run; the CLI draws progress with it, the service logs and publishes events. */
public interface StepListener {
    default void stepStarted(String step, int index, int total) { }

    default void stepFinished(String step, long millis, boolean skipped) { }

    StepListener NONE = new StepListener() { };
}
