package io.reelsmith.kernel;

/** The ledger of tests and of a run that keeps nothing. */
class InMemorySpendLedgerContractTest extends SpendLedgerContract {
    @Override
    protected SpendLedger newLedger() {
        return new InMemorySpendLedger();
    }
}
