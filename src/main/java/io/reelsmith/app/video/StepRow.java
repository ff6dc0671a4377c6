package io.reelsmith.app.video;

import io.reelsmith.pipeline.StepStatus;
import java.time.OffsetDateTime;
import java.util.Map;

/** A step of a video as the journal keeps it, with its times (the pipeline's {@code StepRecord} has none). */
public record StepRow(
        String name,
        StepStatus status,
        int attempts,
        long millis,
        String error,
        Map<String, String> outputs,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {}
