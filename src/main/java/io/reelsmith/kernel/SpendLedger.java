package io.reelsmith.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where actual spend is written. One entry per (job, step, operation id): recording the same call again replaces
 * its entry, so a step resumed after a crash is never counted twice, while a regenerated block (a new operation)
 * or an uncertain submission followed by a new one (operation id {@code claim:<key>}) are both kept. Implementations: {@link InMemorySpendLedger},
 * {@link JsonlSpendLedger}; the service's database ({@code storage.DbSpendLedger}). Each passes {@code SpendLedgerContract}.
 */
public interface SpendLedger {
    void record(SpendEntry entry);

    List<SpendEntry> entries(String jobId);

    /** A user's entries, oldest first. */
    List<SpendEntry> entriesOf(String user);

    /** Charged and uncertain spend of one user (see {@link SpendEntry#counts()}). */
    BigDecimal spentBy(String user);

    /**
     * One billable call as an adapter reports it; the ledger adds the job, the user and the time. {@code step} names
     * the ledger entry: a {@link Step}'s text, or a finer item of it ("frame-2", "character-2").
     */
    record Charge(String step, Purchase purchase, SpendStatus status, String operationId) {
        public Charge(Step step, Purchase purchase, SpendStatus status, String operationId) {
            this(step.text(), purchase, status, operationId);
        }
    }

    /** What an adapter holds: a ledger bound to one job and user. */
    interface Recorder {
        void record(Charge charge);

        Recorder NONE = charge -> {};
    }

    default Recorder forJob(String jobId, String user) {
        return c ->
                record(new SpendEntry(jobId, user, c.step(), c.purchase(), c.status(), c.operationId(), Instant.now()));
    }
}
