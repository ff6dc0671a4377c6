package io.reelsmith.storage;

/** The database ledger on H2. */
class DbSpendLedgerH2ContractTest extends DbSpendLedgerContract {
    private static final Database DB = TestDatabases.h2(); // one database for the class

    @Override
    protected Database db() {
        return DB;
    }
}
