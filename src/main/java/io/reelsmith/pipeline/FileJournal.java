package io.reelsmith.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A journal kept as one JSON file, rewritten atomically (temp + rename) on every change. */
public final class FileJournal implements Journal {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final State state;

    /** The file's shape: steps by name and checkpoint facts by key. */
    public record State(Map<String, StepRecord> steps, Map<String, String> facts) {}

    public FileJournal(Path file) {
        this.file = file;
        try {
            state = Files.exists(file)
                    ? JSON.readValue(file.toFile(), new TypeReference<State>() {})
                    : new State(new LinkedHashMap<>(), new LinkedHashMap<>());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the job journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<StepRecord> step(Step step) {
        return Optional.ofNullable(state.steps().get(step.text()));
    }

    @Override
    public synchronized void started(Step step) {
        StepRecord old = state.steps().get(step.text());
        int attempts = old == null ? 0 : old.attempts();
        state.steps().put(step.text(), new StepRecord(step, StepStatus.RUNNING, attempts + 1, 0, null, Map.of()));
        save();
    }

    @Override
    public synchronized void finished(Step step, Map<String, String> outputs, long millis) {
        StepRecord old = state.steps().get(step.text());
        state.steps()
                .put(
                        step.text(),
                        new StepRecord(step, StepStatus.DONE, old == null ? 1 : old.attempts(), millis, null, outputs));
        save();
    }

    @Override
    public synchronized void failed(Step step, String error) {
        StepRecord old = state.steps().get(step.text());
        state.steps()
                .put(
                        step.text(),
                        new StepRecord(step, StepStatus.FAILED, old == null ? 1 : old.attempts(), 0, error, Map.of()));
        save();
    }

    @Override
    public synchronized void reset(Step step) {
        state.steps().remove(step.text());
        state.facts().keySet().removeIf(k -> k.startsWith(step.text() + "."));
        save();
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(state.facts().get(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        state.facts().put(key, value);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.writeAtomically(file, tmp -> JSON.writeValue(tmp.toFile(), state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job journal " + file + ": " + e.getMessage(), e);
        }
    }
}
