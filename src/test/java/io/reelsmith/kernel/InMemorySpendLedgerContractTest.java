package io.reelsmith.kernel;

/** The ledger of tests and of a run that keeps nothing. */
class InMemorySpendLedgerContractTest extends SpendLedgerContract {
    private InMemorySpendLedger ledger;

    @Override
    protected SpendLedger newLedger() {
        ledger = new InMemorySpendLedger();
        return ledger;
    }

    @Override
    protected SpendLedger reopen() {
        return ledger;
    }
}
