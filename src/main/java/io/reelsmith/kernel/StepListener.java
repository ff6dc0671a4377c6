package io.reelsmith.kernel;

/** Told about each step of a run; the CLI draws progress with it, the service logs and publishes events. */
public interface StepListener {
    default void stepStarted(Step step, int index, int total) {}

    default void stepFinished(Step step, long millis, boolean skipped) {}

    /** Before a block is made a second time: the drift check found another character (the run's gate has let it pay). */
    default void retaking(Step.Retake retake) {}

    StepListener NONE = new StepListener() {};

    /** {@code l} for steps running on several threads (the parallel plan's): one call at a time. */
    static StepListener serialized(StepListener l) {
        return new StepListener() {
            public synchronized void stepStarted(Step step, int index, int total) {
                l.stepStarted(step, index, total);
            }

            public synchronized void stepFinished(Step step, long millis, boolean skipped) {
                l.stepFinished(step, millis, skipped);
            }

            public synchronized void retaking(Step.Retake retake) {
                l.retaking(retake);
            }
        };
    }
}
