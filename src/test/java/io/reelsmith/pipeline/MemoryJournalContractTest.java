package io.reelsmith.pipeline;

import io.reelsmith.testkit.memory.MemoryJournal;

/** The unit tests' journal: it must answer as the real ones do, or the tests on it prove nothing. */
class MemoryJournalContractTest extends JournalContract {
    @Override
    protected Journal newJournal() {
        return new MemoryJournal();
    }
}
