package io.reelsmith.storage;

/** The database journal on H2, the service's default. */
class DbJournalH2ContractTest extends DbJournalContract {
    private static final Database DB = TestDatabases.h2(); // one database for the class

    @Override
    protected Database db() {
        return DB;
    }
}
