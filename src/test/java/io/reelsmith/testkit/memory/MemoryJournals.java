package io.reelsmith.testkit.memory;

import io.reelsmith.app.video.StepRow;
import io.reelsmith.app.video.VideoJournals;
import io.reelsmith.pipeline.Journal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each video's {@link MemoryJournal}; one writer at a time, so a run's claims need no fencing here. */
public final class MemoryJournals implements VideoJournals {
    private final Map<String, MemoryJournal> journals = new ConcurrentHashMap<>();

    @Override
    public Journal of(String videoId, String runToken) {
        return of(videoId);
    }

    @Override
    public MemoryJournal of(String videoId) {
        return journals.computeIfAbsent(videoId, id -> new MemoryJournal());
    }

    @Override
    public List<StepRow> steps(String videoId) {
        return of(videoId).rows();
    }
}
