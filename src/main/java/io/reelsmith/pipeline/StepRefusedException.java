package io.reelsmith.pipeline;

/** A {@link StepGate}'s refusal: the run stops before the step and the video fails with {@link #reason()} (e.g. "budget"). */
public class StepRefusedException extends Refused {
    public StepRefusedException(String reason, String message) {
        super(reason, message);
    }
}
