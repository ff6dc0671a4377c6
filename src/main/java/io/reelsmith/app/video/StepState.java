package io.reelsmith.app.video;

import java.time.OffsetDateTime;
import java.util.List;
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

    public static long countDone(List<StepState> steps) {
        return steps.stream().filter(StepState::done).count();
    }

    /** The name of the step running now, or null. */
    public static String running(List<StepState> steps) {
        return steps.stream()
                .filter(s -> s.status().equals("running"))
                .map(StepState::name)
                .findFirst()
                .orElse(null);
    }
}
