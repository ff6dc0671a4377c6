package io.reelsmith.storage;

import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendLedgerContract;

/** The service's ledger: rows of {@code spend_entries}, on one database per subclass. */
abstract class DbSpendLedgerContract extends SpendLedgerContract {
    protected abstract Database db();

    @Override
    protected SpendLedger newLedger() {
        db().jdbi().useHandle(h -> h.execute("DELETE FROM spend_entries WHERE user_id IN (?, ?)", ANN, BOB));
        TestDatabases.user(db().jdbi(), ANN);
        TestDatabases.user(db().jdbi(), BOB);
        return new DbSpendLedger(db().jdbi());
    }

    @Override
    protected SpendLedger reopen() {
        return new DbSpendLedger(db().jdbi());
    }
}
