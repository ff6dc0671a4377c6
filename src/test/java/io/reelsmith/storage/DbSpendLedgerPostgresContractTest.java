package io.reelsmith.storage;

/** The database ledger on PostgreSQL. */
class DbSpendLedgerPostgresContractTest extends DbSpendLedgerContract {
    @Override
    protected Database db() {
        return TestDatabases.postgres();
    }
}
