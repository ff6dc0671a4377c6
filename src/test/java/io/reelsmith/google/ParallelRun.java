package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.pipeline.CancelledException;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.testkit.GoogleBill;
import java.nio.file.Path;
import java.util.List;

/** Nano's treasure hunt under the parallel plan on the emulator, with the fast stages, stopped once a step is done. */
record ParallelRun(JobSpec spec, Workspace ws, FileJournal journal, InMemorySpendLedger ledger) {
    static ParallelRun until(GoogleConfig config, int blocks, Step last, Path dir) {
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        var stages = GoogleBill.fastStages(config, ledger.forJob("j", "ann"), GoogleClients.create(config));
        JobSpec spec = new JobSpec(
                "a treasure hunt in the park",
                List.of(new CharacterProfile("Nano", "a cartoon banana", "cartoon")),
                blocks,
                "en",
                TakePlan.PARALLEL);
        Workspace ws = new Workspace(dir.resolve("job"));
        FileJournal journal = new FileJournal(ws.journal());
        assertThatThrownBy(() ->
                        new Pipeline(stages).run(spec, ws, journal, StepListener.NONE, () -> journal.isDone(last)))
                .isInstanceOf(CancelledException.class);
        return new ParallelRun(spec, ws, journal, ledger);
    }
}
