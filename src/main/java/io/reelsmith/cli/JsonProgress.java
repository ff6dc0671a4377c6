package io.reelsmith.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.Step;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --json-progress}: one JSON object per line and per event, for scripts —
 * {@code {"event":"step-started","step":"block-2","stage":"video","index":3,"total":13}},
 * {@code {"event":"step-finished","step":"block-2","stage":"video","millis":1520,"reused":false,"percent":38}},
 * and the command's own {@code {"event":"done",…}} at the end ({@link #event}).
 */
final class JsonProgress extends StageProgress {
    private static final ObjectMapper JSON = new ObjectMapper();
    private int total, finished;

    JsonProgress(PrintStream out) {
        super(out);
    }

    @Override
    public void stepStarted(Step step, int index, int total) {
        super.stepStarted(step, index, total);
        this.total = total;
        event("step-started", "step", step.text(), "stage", stageOf(step), "index", index, "total", total);
    }

    @Override
    public void stepFinished(Step step, long millis, boolean skipped) {
        super.stepFinished(step, millis, skipped);
        finished++;
        event(
                "step-finished",
                "step",
                step.text(),
                "stage",
                stageOf(step),
                "millis",
                millis,
                "reused",
                skipped,
                "percent",
                total == 0 ? 0 : Math.min(100, finished * 100 / total));
    }

    /** Prints {@code {"event": name, k1: v1, …}} on one line. */
    void event(String name, Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", name);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        try {
            out.println(JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
