package io.reelsmith.kernel;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's ledger: one JSON line per record, read back whole when opened. */
class JsonlSpendLedgerContractTest extends SpendLedgerContract {
    @TempDir
    Path dir;

    @Override
    protected SpendLedger newLedger() throws IOException {
        return new JsonlSpendLedger(dir.resolve("spend.jsonl"));
    }

    @Override
    protected SpendLedger reopen() throws IOException {
        return new JsonlSpendLedger(dir.resolve("spend.jsonl"));
    }
}
