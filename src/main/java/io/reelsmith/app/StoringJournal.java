package io.reelsmith.app;

import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.Workspace;
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
public record StoringJournal(Journal journal, VideoFiles files, String ownerId, String videoId, Workspace ws) implements Journal {
    @Override
    public void finished(String name, Map<String, String> outputs, long millis) {
        try {
            files.save(ownerId, videoId, ws, ws.durableOutputs(name, outputs));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the files of step " + name + ": " + e.getMessage(), e);
        }
        journal.finished(name, outputs, millis);
    }

    @Override public Optional<StepRecord> step(String name) { return journal.step(name); }
    @Override public void started(String name) { journal.started(name); }
    @Override public void failed(String name, String error) { journal.failed(name, error); }
    @Override public void reset(String name) { journal.reset(name); }
    @Override public Optional<String> get(String key) { return journal.get(key); }
    @Override public void put(String key, String value) { journal.put(key, value); }
    // the database journal's claim is the fenced one: a wrapper must never fall back to the default
    @Override public Claim claim(String key) { return journal.claim(key); }
}
