package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.JournalContract;
import io.reelsmith.pipeline.RunSupersededException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service's journal, on one database per subclass; beyond the contract, its claims are fenced by the run lease. */
abstract class DbJournalContract extends JournalContract {
    protected abstract Database db();

    private String video, token;

    @Override
    protected Journal newJournal() {
        token = UUID.randomUUID().toString();
        video = TestDatabases.runningVideo(db().jdbi(), "33333333-3333-3333-3333-333333333333", token);
        return new DbJournal(db().jdbi(), video, token);
    }

    @Override
    protected Journal reopen() {
        return new DbJournal(db().jdbi(), video, token);
    }

    @Test
    void aRunThatLostItsLeaseCannotClaimAPaidSubmission() {
        Journal stale = new DbJournal(db().jdbi(), video, UUID.randomUUID().toString());
        assertThatThrownBy(() -> stale.scoped(Step.block(0).text()).claim("veo.claim.0"))
                .isInstanceOf(RunSupersededException.class);
        assertThat(reopen().scoped(Step.block(0).text()).claim("veo.claim.0")).isEqualTo(Checkpoint.Claim.GRANTED);
        assertThatThrownBy(() -> new DbJournal(db().jdbi(), video).claim("render.x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStepsBookkeepingIsOneTransaction() {
        // the gate's reads and the step's start: a refusal after the gate wrote leaves nothing of either
        DbSpendLedger ledger = new DbSpendLedger(db().jdbi());
        assertThatThrownBy(() -> reopen().started(Step.block(0), step -> {
                    ledger.forJob(video, "33333333-3333-3333-3333-333333333333")
                            .record(new SpendLedger.Charge(
                                    step,
                                    new Purchase("veo", "generate", 8, "second", BigDecimal.ONE),
                                    SpendStatus.CHARGED,
                                    "op"));
                    throw new IllegalStateException("refused after writing");
                }))
                .hasMessage("refused after writing");
        assertThat(ledger.entries(video)).isEmpty();
        assertThat(reopen().step(Step.block(0))).isEmpty();
    }
}
