package io.reelsmith.kernel;

/** Told about each step of a run; the CLI draws progress with it, the service logs and publishes events. */
public interface StepListener {
    default void stepStarted(String step, int index, int total) { }

    default void stepFinished(String step, long millis, boolean skipped) { }

    /**
     * After {@link #stepStarted}, only for a step that is not done yet, before it records or pays anything: the service
     * checks its budget here and throws a {@code StepRefusedException} to refuse it.
     */
    default void beforeStep(String step) { }

    /**
     * Before a step pays a second time for a retake ({@code "block-2.retake"}: the drift check found another
     * character): the service checks its budget here and throws a {@code StepRefusedException} to refuse it.
     */
    default void beforeRetake(String what) { }

    StepListener NONE = new StepListener() { };
}
