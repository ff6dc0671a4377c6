package io.reelsmith.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where actual spend is written. One entry per (job, step, operation id): recording the same call again replaces
 * its entry, so a step resumed after a crash is never counted twice, while a regenerated block (a new operation)
 * or an uncertain submission followed by a new one (operation id {@code claim:<key>}) are both kept. Implementations: {@link InMemorySpendLedger},
 * {@link JsonlSpendLedger}; the service backs it with its database.
 */
public interface SpendLedger {
    void record(SpendEntry entry);

    List<SpendEntry> entries(String jobId);

    /** Charged and uncertain spend of one user (see {@link SpendEntry#counts()}). */
    BigDecimal spentBy(String user);

    /** One billable call as an adapter reports it; the ledger adds the job, the user and the time. */
    record Charge(String step, String model, String kind, double quantity, String unit, BigDecimal usd,
                  SpendStatus status, String operationId) {
        public static Charge charged(String step, String model, String kind, double quantity, String unit, BigDecimal usd, String operationId) {
            return new Charge(step, model, kind, quantity, unit, usd, SpendStatus.CHARGED, operationId);
        }
    }

    /** What an adapter holds: a ledger bound to one job and user. */
    interface Recorder {
        void record(Charge charge);

        Recorder NONE = charge -> { };
    }

    default Recorder forJob(String jobId, String user) {
        return c -> record(new SpendEntry(jobId, user, c.step(), c.model(), c.kind(), c.quantity(), c.unit(), c.usd(),
                c.status(), c.operationId(), Instant.now()));
    }
}
