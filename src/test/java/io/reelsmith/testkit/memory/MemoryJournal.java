package io.reelsmith.testkit.memory;

import io.reelsmith.app.video.StepRow;
import io.reelsmith.kernel.Step;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.pipeline.StepStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A journal in memory, for unit tests of the pipeline and the service: the same answers as the file and database ones. */
public final class MemoryJournal implements Journal {
    private final Map<String, StepRecord> steps = new LinkedHashMap<>();
    private final Map<String, OffsetDateTime[]> times = new LinkedHashMap<>();
    private final Map<String, String> facts = new LinkedHashMap<>();

    @Override
    public synchronized Optional<StepRecord> step(Step step) {
        return Optional.ofNullable(steps.get(step.text()));
    }

    @Override
    public synchronized void started(Step step) {
        StepRecord old = steps.get(step.text());
        steps.put(
                step.text(),
                new StepRecord(step, StepStatus.RUNNING, old == null ? 1 : old.attempts() + 1, 0, null, Map.of()));
        times.put(step.text(), new OffsetDateTime[] {now(), null});
    }

    @Override
    public synchronized void finished(Step step, Map<String, String> outputs, long millis) {
        StepRecord old = steps.get(step.text());
        steps.put(
                step.text(),
                new StepRecord(step, StepStatus.DONE, old == null ? 1 : old.attempts(), millis, null, outputs));
        times.computeIfAbsent(step.text(), k -> new OffsetDateTime[2])[1] = now();
    }

    @Override
    public synchronized void failed(Step step, String error) {
        StepRecord old = steps.get(step.text());
        steps.put(
                step.text(),
                new StepRecord(step, StepStatus.FAILED, old == null ? 1 : old.attempts(), 0, error, Map.of()));
        times.computeIfAbsent(step.text(), k -> new OffsetDateTime[2])[1] = now();
    }

    @Override
    public synchronized void reset(Step step) {
        steps.remove(step.text());
        times.remove(step.text());
        facts.keySet().removeIf(k -> k.startsWith(step.text() + "."));
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(facts.get(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        facts.put(key, value);
    }

    /** Every step with its times, as the service's progress view reads them. */
    public synchronized List<StepRow> rows() {
        List<StepRow> out = new ArrayList<>();
        steps.forEach((name, r) -> {
            OffsetDateTime[] t = times.getOrDefault(name, new OffsetDateTime[2]);
            out.add(new StepRow(name, r.status(), r.attempts(), r.millis(), r.error(), r.outputs(), t[0], t[1]));
        });
        return out;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
