package io.reelsmith.storage;

import io.reelsmith.app.video.StepRow;
import io.reelsmith.app.video.VideoJournals;
import io.reelsmith.pipeline.Journal;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Every service video's {@link DbJournal}, in the one database every worker shares. */
public record DbVideoJournals(Jdbi jdbi) implements VideoJournals {
    @Override
    public Journal of(String videoId, String runToken) {
        return new DbJournal(jdbi, videoId, runToken);
    }

    @Override
    public Journal of(String videoId) {
        return new DbJournal(jdbi, videoId);
    }

    @Override
    public List<StepRow> steps(String videoId) {
        return new DbJournal(jdbi, videoId).steps();
    }
}
