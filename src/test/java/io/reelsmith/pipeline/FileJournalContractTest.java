package io.reelsmith.pipeline;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's journal: one JSON file beside the job's files. */
class FileJournalContractTest extends JournalContract {
    @TempDir
    Path dir;

    private Path file;

    @Override
    protected Journal newJournal() {
        file = dir.resolve("job-" + System.nanoTime()).resolve(".reelsmith/journal.json");
        return new FileJournal(file);
    }

    @Override
    protected Journal reopen() {
        return new FileJournal(file);
    }
}
