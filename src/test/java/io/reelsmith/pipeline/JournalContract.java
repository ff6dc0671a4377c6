package io.reelsmith.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Journal} does, whichever store keeps it (as JobRunr's one abstract StorageProviderTest runs
 * against each of its storage providers): one subclass per adapter gives a fresh journal and the same journal
 * opened again (a restarted process).
 */
public abstract class JournalContract {
    /** A journal of a new job that may claim paid submissions. */
    protected abstract Journal newJournal() throws Exception;

    /**
     * The journal of the same job as the last {@link #newJournal}, opened anew. A journal held only in memory has
     * nothing to reopen: by default, the same one.
     */
    protected Journal reopen() throws Exception {
        return journal;
    }

    private Journal journal;

    @BeforeEach
    void open() throws Exception {
        journal = newJournal();
    }

    @Test
    void aStepIsStartedThenFinishedWithItsOutputs() throws Exception {
        Step block = Step.block(1);
        assertThat(journal.step(block)).isEmpty();
        assertThat(journal.isDone(block)).isFalse();
        journal.started(block);
        assertThat(journal.step(block).orElseThrow())
                .extracting(StepRecord::status, StepRecord::attempts)
                .containsExactly(StepStatus.RUNNING, 1);
        journal.finished(block, Map.of("file", ".reelsmith/blocks/block-02.mp4", "seconds", "7.0"), 1520);

        StepRecord r = reopen().step(block).orElseThrow();
        assertThat(r.name()).isEqualTo("block-2");
        assertThat(r.status()).isEqualTo(StepStatus.DONE);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.millis()).isEqualTo(1520);
        assertThat(r.outputs())
                .containsExactlyInAnyOrderEntriesOf(Map.of("file", ".reelsmith/blocks/block-02.mp4", "seconds", "7.0"));
        assertThat(reopen().isDone(block)).isTrue();
        assertThat(reopen().isDone(Step.RENDER)).isFalse();
    }

    @Test
    void aFailedStepKeepsItsErrorAndCountsEachStart() throws Exception {
        journal.started(Step.SCRIPT);
        journal.failed(Step.SCRIPT, "the model returned no text");
        assertThat(reopen().step(Step.SCRIPT).orElseThrow())
                .extracting(StepRecord::status, StepRecord::attempts, StepRecord::error)
                .containsExactly(StepStatus.FAILED, 1, "the model returned no text");
        journal.started(Step.SCRIPT);
        journal.finished(Step.SCRIPT, Map.of("file", "script.json"), 5);
        assertThat(reopen().step(Step.SCRIPT).orElseThrow())
                .extracting(StepRecord::status, StepRecord::attempts, StepRecord::error)
                .containsExactly(StepStatus.DONE, 2, null);
    }

    @Test
    void checkpointsAreKeptReplacedAndForgottenWithTheirStep() throws Exception {
        Checkpoint block2 = journal.scoped(Step.block(1).text()),
                block3 = journal.scoped(Step.block(2).text());
        block2.put("veo.operation", "op-1");
        block2.put("veo.operation", "op-2");
        block3.put("veo.operation", "op-3");
        journal.started(Step.block(1));
        assertThat(reopen().get("block-2.veo.operation")).contains("op-2");

        journal.reset(Step.block(1));
        Journal after = reopen();
        assertThat(after.step(Step.block(1))).isEmpty();
        assertThat(after.get("block-2.veo.operation")).isEmpty();
        assertThat(after.get("block-3.veo.operation")).contains("op-3"); // another step's facts stay
    }

    @Test
    void aPaidSubmissionIsClaimedOnceEvenAcrossRestarts() throws Exception {
        Checkpoint block1 = journal.scoped(Step.block(0).text());
        assertThat(block1.claim("veo.claim.0")).isEqualTo(Checkpoint.Claim.GRANTED);
        assertThat(block1.claim("veo.claim.0")).isEqualTo(Checkpoint.Claim.TAKEN);
        assertThat(reopen().scoped(Step.block(0).text()).claim("veo.claim.0")).isEqualTo(Checkpoint.Claim.TAKEN);
        assertThat(block1.claim("veo.claim.1")).isEqualTo(Checkpoint.Claim.GRANTED);
        // a reset forgets the step's claims with its other facts: the block is made again, as regenerate asks
        journal.reset(Step.block(0));
        assertThat(block1.claim("veo.claim.0")).isEqualTo(Checkpoint.Claim.GRANTED);
    }

    @Test
    void theGateIsAskedBeforeTheStartAndItsRefusalRecordsNothing() throws Exception {
        List<Step> asked = new ArrayList<>();
        journal.started(Step.block(0), asked::add);
        assertThat(asked).containsExactly(Step.block(0));
        assertThat(reopen().step(Step.block(0)).orElseThrow().status()).isEqualTo(StepStatus.RUNNING);

        assertThatThrownBy(() -> journal.started(Step.block(1), step -> {
                    throw new StepRefusedException("budget", "paying for " + step + " would cross the budget");
                }))
                .isInstanceOf(StepRefusedException.class)
                .hasMessageContaining("block-2");
        assertThat(reopen().step(Step.block(1))).isEmpty();
    }
}
