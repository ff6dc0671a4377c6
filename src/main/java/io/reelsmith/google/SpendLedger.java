package io.reelsmith.google;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where actual spend is written. One entry per (job, step): recording a step again replaces its entry, so a
 * step resumed after a crash is never counted twice. Implementations: {@link InMemorySpendLedger},
 * {@link JsonlSpendLedger}; the service can back it with its database.
 */
public interface SpendLedger {
    void record(SpendEntry entry);

    List<SpendEntry> entries(String jobId);

    BigDecimal spentBy(String user);

    /** What an adapter holds: a ledger bound to one job and user. */
    interface Recorder {
        void spent(String step, String model, double quantity, String unit, BigDecimal usd);

        Recorder NONE = (step, model, quantity, unit, usd) -> { };
    }

    default Recorder forJob(String jobId, String user) {
        return (step, model, quantity, unit, usd) -> record(new SpendEntry(jobId, user, step, model, quantity, unit, usd, java.time.Instant.now()));
    }
}
