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
import io.reelsmith.pipeline.StepGate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
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

    @Test
    void aRunsStepCostsFourStatementsAfterOneReadOfItsSteps() {
        AtomicInteger statements = new AtomicInteger();
        Jdbi counted = Jdbi.create(db().dataSource()).setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        Journal run = new DbJournal(counted, video, token);
        List<Step> steps = List.of(Step.CHARACTER, Step.SCRIPT, Step.block(0), Step.SUBTITLES, Step.RENDER);
        for (Step step : steps) {
            assertThat(run.isDone(step)).isFalse();
            run.started(step, StepGate.NONE);
            run.finished(step, Map.of("file", step.text()), 5);
        }
        // one read of the video's steps; per step an insert and its log line, an update and its log line (it was
        // six: a lookup per step, and an update tried before each insert)
        assertThat(statements).hasValue(1 + 4 * steps.size());
        for (Step step : steps) assertThat(run.step(step)).isEqualTo(new DbJournal(db().jdbi(), video).step(step));
    }

    @Test
    void whatARunKnowsOfItsStepsIsWhatTheDatabaseHolds() {
        Journal run = reopen();
        run.started(Step.SCRIPT);
        run.failed(Step.SCRIPT, "boom");
        run.started(Step.SCRIPT);
        run.finished(Step.SCRIPT, Map.of("file", "script.json"), 12);
        run.started(Step.block(0));
        run.failed(Step.block(0), "quota");
        run.started(Step.block(1));
        run.reset(Step.block(1));
        Journal api = new DbJournal(db().jdbi(), video);
        for (Step step : List.of(Step.SCRIPT, Step.block(0), Step.block(1), Step.RENDER))
            assertThat(run.step(step)).as(step.text()).isEqualTo(api.step(step));
        assertThat(run.step(Step.SCRIPT).orElseThrow().attempts()).isEqualTo(2);
    }
}
