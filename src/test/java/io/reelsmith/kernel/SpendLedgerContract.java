package io.reelsmith.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SpendLedger} does, whichever store keeps it; one subclass per adapter. */
public abstract class SpendLedgerContract {
    /** A ledger whose users {@link #ANN} and {@link #BOB} exist (a database's entries name a user row). */
    protected abstract SpendLedger newLedger() throws Exception;

    /** The same ledger opened anew (a restarted process). A ledger held only in memory: by default, the same one. */
    protected SpendLedger reopen() throws Exception {
        return ledger;
    }

    /** A job id the adapter accepts (the database's are video ids). */
    protected String newJob() {
        return UUID.randomUUID().toString();
    }

    protected static final String ANN = "11111111-1111-1111-1111-111111111111",
            BOB = "22222222-2222-2222-2222-222222222222";

    private SpendLedger ledger;

    @BeforeEach
    void open() throws Exception {
        ledger = newLedger();
    }

    /** One call's charge: {@code quantity} {@code unit}s of {@code model} for {@code usd} dollars. */
    private static SpendLedger.Charge charge(
            Step step,
            SpendStatus status,
            String operationId,
            String model,
            String kind,
            double quantity,
            String unit,
            String usd) {
        return new SpendLedger.Charge(
                step, new Purchase(model, kind, quantity, unit, new BigDecimal(usd)), status, operationId);
    }

    @Test
    void chargedAndUncertainSpendCountsNotChargedDoesNot() throws Exception {
        String job = newJob();
        SpendLedger.Recorder r = ledger.forJob(job, ANN);
        r.record(charge(
                Step.block(0), SpendStatus.CHARGED, "op-1", "veo-3.1-generate-001", "generate", 8, "second", "3.20"));
        r.record(charge(
                Step.block(1),
                SpendStatus.UNCERTAIN,
                "claim:block-2.veo.claim.0",
                "veo-3.1-generate-001",
                "extend",
                7,
                "second",
                "2.80"));
        r.record(charge(Step.SCRIPT, SpendStatus.NOT_CHARGED, null, "gemini-3.8-flash", "text", 1, "call", "0.05"));

        SpendLedger again = reopen();
        assertThat(again.entries(job))
                .hasSize(3)
                .allMatch(e -> e.jobId().equals(job) && e.user().equals(ANN));
        assertThat(again.spentBy(ANN)).isEqualByComparingTo("6.00");
        assertThat(again.spentBy(BOB)).isZero();
        SpendEntry first = again.entries(job).get(0);
        assertThat(first.step()).isEqualTo("block-1");
        assertThat(first.purchase().model()).isEqualTo("veo-3.1-generate-001");
        assertThat(first.purchase().kind()).isEqualTo("generate");
        assertThat(first.purchase().quantity()).isEqualTo(8);
        assertThat(first.purchase().unit()).isEqualTo("second");
        assertThat(first.purchase().usd()).isEqualByComparingTo("3.20");
        assertThat(first.status()).isEqualTo(SpendStatus.CHARGED);
        assertThat(first.operationId()).isEqualTo("op-1");
    }

    @Test
    void recordingTheSameCallAgainReplacesItsEntry() throws Exception {
        String job = newJob();
        SpendLedger.Recorder r = ledger.forJob(job, ANN);
        // uncertain while the submit was in flight, then charged once the operation is known: one call, one entry
        for (SpendStatus status : List.of(SpendStatus.UNCERTAIN, SpendStatus.CHARGED))
            r.record(charge(
                    Step.SUBTITLES, status, null, "gemini-3.5-transcribe", "transcribe", 0.5, "minute", "0.005"));
        // a resumed step records its call again
        SpendLedger.Charge generated =
                charge(Step.block(0), SpendStatus.CHARGED, "op-1", "veo", "generate", 8, "second", "3.20");
        r.record(generated);
        r.record(generated);
        // a block made again (a new operation) is a second call
        r.record(charge(Step.block(0), SpendStatus.CHARGED, "op-2", "veo", "generate", 8, "second", "3.20"));

        List<SpendEntry> entries = reopen().entries(job);
        assertThat(entries).hasSize(3);
        assertThat(entries)
                .filteredOn(e -> e.step().equals("subtitles"))
                .singleElement()
                .matches(e -> e.status() == SpendStatus.CHARGED);
        assertThat(reopen().spentBy(ANN)).isEqualByComparingTo("6.405");
    }

    @Test
    void eachJobAndEachUserSeesOnlyItsOwn() throws Exception {
        String a = newJob(), b = newJob();
        SpendLedger.Charge portrait = charge(
                Step.CHARACTER, SpendStatus.CHARGED, null, "gemini-3.1-flash-image", "image", 1, "image", "0.067");
        ledger.forJob(a, ANN).record(portrait);
        ledger.forJob(b, BOB).record(portrait);
        ledger.record(new SpendEntry(
                b,
                BOB,
                "script",
                new Purchase("gemini-3.8-flash", "text", 1, "call", new BigDecimal("0.0100")),
                SpendStatus.CHARGED,
                null,
                Instant.now()));

        SpendLedger again = reopen();
        assertThat(again.entries(a)).extracting(SpendEntry::user).containsExactly(ANN);
        assertThat(again.entries(b)).extracting(SpendEntry::step).containsExactly("character", "script");
        assertThat(again.entriesOf(BOB)).extracting(SpendEntry::step).containsExactly("character", "script");
        assertThat(again.entriesOf(ANN)).hasSize(1);
        assertThat(again.spentBy(BOB)).isEqualByComparingTo("0.077");
    }
}
