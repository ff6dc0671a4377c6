package io.reelsmith.kernel;

import java.util.List;

/** Told about each step of a run; the CLI draws progress with it, the service logs and publishes events. */
public interface StepListener {
    default void stepStarted(String step, int index, int total) { }

    default void stepFinished(String step, long millis, boolean skipped) { }

    /**
     * Before a step pays a second time for a retake ({@code "block-2.retake"}: the drift check found another
     * character): the service checks its budget here and throws a {@code StepRefusedException} to refuse it.
     */
    default void beforeRetake(String what) { }

    /**
     * Before steps that run at once ({@code steps}: those not done yet), ahead of any of them: the service checks its
     * budget for all of them together here (throwing a {@code StepRefusedException}), so none starts paying when the
     * whole group would not fit.
     */
    default void beforeSteps(List<String> steps) { }

    StepListener NONE = new StepListener() { };

    /** {@code l} for steps running on several threads: one call at a time. */
    static StepListener serialized(StepListener l) {
        return new StepListener() {
            public synchronized void stepStarted(String step, int index, int total) { l.stepStarted(step, index, total); }
            public synchronized void stepFinished(String step, long millis, boolean skipped) { l.stepFinished(step, millis, skipped); }
            public synchronized void beforeRetake(String what) { l.beforeRetake(what); }
            public synchronized void beforeSteps(List<String> steps) { l.beforeSteps(steps); }
        };
    }
}
