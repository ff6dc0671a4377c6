package io.reelsmith.pipeline;

import io.reelsmith.kernel.Step;
import java.util.Map;

/** What the journal knows of one step: its state, how often it was started, how long it took, what it made. */
public record StepRecord(
        String name, StepStatus status, int attempts, long millis, String error, Map<String, String> outputs) {
    public StepRecord {
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    public StepRecord(
            Step step, StepStatus status, int attempts, long millis, String error, Map<String, String> outputs) {
        this(step.text(), status, attempts, millis, error, outputs);
    }
}
