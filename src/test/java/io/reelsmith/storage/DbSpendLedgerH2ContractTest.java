package io.reelsmith.storage;

import org.junit.jupiter.api.BeforeAll;

/** The database ledger on H2. */
class DbSpendLedgerH2ContractTest extends DbSpendLedgerContract {
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
