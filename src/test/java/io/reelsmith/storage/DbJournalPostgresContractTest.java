package io.reelsmith.storage;

/** The database journal on PostgreSQL, what several workers share. */
class DbJournalPostgresContractTest extends DbJournalContract {
    @Override
    protected Database db() {
        return TestDatabases.postgres();
    }
}
