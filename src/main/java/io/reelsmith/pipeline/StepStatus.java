package io.reelsmith.pipeline;

public enum StepStatus {
    PENDING,
    RUNNING,
    DONE,
    FAILED
}
