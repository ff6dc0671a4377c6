package io.reelsmith.storage;

import org.junit.jupiter.api.BeforeAll;

/** The database journal on H2, the service's default. */
class DbJournalH2ContractTest extends DbJournalContract {
    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.h2();
    }

    @Override
    protected Database db() {
        return db;
    }
}
