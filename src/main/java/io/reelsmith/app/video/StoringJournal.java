package io.reelsmith.app.video;

import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.pipeline.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The service's journal wrapper: when a step finishes, its durable files (already written atomically on
 * this disk) go to the blob store first, and only then is the step recorded done — so a step the journal
 * calls done always has its files in the store, for any machine that resumes or serves the video. A crash
 * between the upload and the record re-runs the step, which uploads the same keys again.
 */
public record StoringJournal(Journal journal, VideoFiles files, String ownerId, String videoId, Workspace ws)
        implements Journal {
    @Override
    public void finished(Step step, Map<String, String> outputs, long millis) {
        try {
            files.save(ownerId, videoId, ws, ws.durableOutputs(step, outputs));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the files of step " + step + ": " + e.getMessage(), e);
        }
        journal.finished(step, outputs, millis);
    }

    @Override
    public Optional<StepRecord> step(Step step) {
        return journal.step(step);
    }
    // the gate's check and the start stay one transaction of the wrapped journal
    @Override
    public void started(Step step, StepGate gate) {
        journal.started(step, gate);
    }

    @Override
    public void started(Step step) {
        journal.started(step);
    }

    @Override
    public void failed(Step step, String error) {
        journal.failed(step, error);
    }

    @Override
    public void reset(Step step) {
        journal.reset(step);
    }

    @Override
    public Optional<String> get(String key) {
        return journal.get(key);
    }

    @Override
    public void put(String key, String value) {
        journal.put(key, value);
    }
    // the database journal's claim is the fenced one: a wrapper must never fall back to the default
    @Override
    public Claim claim(String key) {
        return journal.claim(key);
    }
}
