package io.reelsmith.app.video;

import java.time.OffsetDateTime;
import java.util.Map;

/** One planned step of a video as its owner sees it; a step not begun yet is "pending". */
public record StepState(
        String name,
        String status,
        int attempts,
        long millis,
        String error,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Map<String, String> outputs) {
    public boolean done() {
        return "done".equals(status);
    }
}
