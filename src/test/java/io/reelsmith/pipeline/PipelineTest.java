package io.reelsmith.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.testkit.memory.MemoryJournal;
import io.reelsmith.testkit.memory.PaperStages;
import io.reelsmith.video.DriftCheck;
import io.reelsmith.video.DriftGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestrator alone: paper stages (no media), a journal in memory. */
class PipelineTest {
    @TempDir
    Path dir;

    static final JobSpec SPEC =
            new JobSpec("a kite race on the beach", new CharacterProfile("Kwirlo", "a robot", "cartoon"), 3, "en");

    /** Every step in the seed's order: started, then finished, each once; what the listener saw. */
    private static final class Events implements StepListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void stepStarted(Step step, int index, int total) {
            seen.add("start " + step + " " + (index + 1) + "/" + total);
        }

        @Override
        public void stepFinished(Step step, long millis, boolean skipped) {
            seen.add((skipped ? "reuse " : "done ") + step);
        }

        @Override
        public void retaking(Step.Retake retake) {
            seen.add("retake " + retake);
        }
    }

    @Test
    void runsEveryStepInOrderAndRecordsEachWithItsFiles() throws Exception {
        PaperStages paper = PaperStages.free();
        Workspace ws = new Workspace(dir);
        MemoryJournal journal = new MemoryJournal();
        Events events = new Events();
        List<Step> gated = new ArrayList<>();

        new Pipeline(paper.stages("local")).run(SPEC, ws, journal, events, gated::add, () -> false);

        assertThat(events.seen)
                .containsExactly(
                        "start character 1/7",
                        "done character",
                        "start script 2/7",
                        "done script",
                        "start block-1 3/7",
                        "done block-1",
                        "start block-2 4/7",
                        "done block-2",
                        "start block-3 5/7",
                        "done block-3",
                        "start subtitles 6/7",
                        "done subtitles",
                        "start render 7/7",
                        "done render");
        assertThat(gated).isEqualTo(Step.all(3)); // each step, before it starts
        for (Step s : Step.all(3)) assertThat(journal.isDone(s)).as(s.text()).isTrue();
        assertThat(journal.step(Step.block(1)).orElseThrow().outputs())
                .containsEntry("file", ".reelsmith/blocks/block-02.txt")
                .containsEntry("seconds", "7.0")
                .containsEntry("drift.retake", "none");
        assertThat(journal.step(Step.SUBTITLES).orElseThrow().outputs())
                .containsEntry("wordTimer", "tts-events")
                .containsEntry("seconds", "22.0");
        assertThat(ws.character()).exists();
        assertThat(ws.file(WorkspaceFile.SCRIPT)).exists();
        assertThat(Files.readString(ws.file(WorkspaceFile.SRT))).contains("-->");
        assertThat(ws.file(WorkspaceFile.COVER)).exists();
        assertThat(paper.blocksMade).hasValue(3);
    }

    @Test
    void aRunAgainReusesEveryFinishedStepAndResumesAtTheFailedOne() throws Exception {
        AtomicInteger made = new AtomicInteger();
        PaperStages outage = new PaperStages(made, i -> i == 1, null, SpendLedger.Recorder.NONE); // block 2 fails once
        Workspace ws = new Workspace(dir);
        MemoryJournal journal = new MemoryJournal();
        Pipeline pipeline = new Pipeline(outage.stages("local"));

        assertThatThrownBy(() -> pipeline.run(SPEC, ws, journal, StepListener.NONE, () -> false))
                .hasMessageContaining("simulated outage in block-2");
        assertThat(journal.step(Step.block(1)).orElseThrow())
                .extracting(StepRecord::status, StepRecord::error)
                .containsExactly(StepStatus.FAILED, "simulated outage in block-2");
        assertThat(journal.isDone(Step.block(0))).isTrue();
        assertThat(journal.step(Step.block(2))).isEmpty();

        Events second = new Events();
        pipeline.run(SPEC, ws, journal, second, () -> false);
        assertThat(second.seen)
                .contains("reuse character", "reuse script", "reuse block-1", "done block-2", "done block-3");
        assertThat(journal.step(Step.block(1)).orElseThrow().attempts()).isEqualTo(2);
        assertThat(journal.step(Step.block(0)).orElseThrow().attempts()).isEqualTo(1);
        assertThat(made).hasValue(4); // block 1 once, block 2 twice (its failure included), block 3 once

        Events third = new Events();
        pipeline.run(SPEC, ws, journal, third, () -> false);
        assertThat(third.seen).allMatch(e -> e.startsWith("start ") || e.startsWith("reuse "));
        assertThat(made).hasValue(4);
    }

    @Test
    void theGatesRefusalStopsTheRunBeforeTheStepRecordsOrMakesAnything() throws Exception {
        PaperStages paper = PaperStages.free();
        MemoryJournal journal = new MemoryJournal();
        StepGate noSecondBlock = step -> {
            if (step.equals(Step.block(1)))
                throw new StepRefusedException("budget", "paying for " + step + " would cross the budget");
        };

        assertThatThrownBy(() -> new Pipeline(paper.stages("local"))
                        .run(SPEC, new Workspace(dir), journal, StepListener.NONE, noSecondBlock, () -> false))
                .isInstanceOf(StepRefusedException.class)
                .hasMessage("paying for block-2 would cross the budget");
        assertThat(journal.isDone(Step.block(0))).isTrue();
        assertThat(journal.step(Step.block(1))).isEmpty();
        assertThat(paper.blocksMade).hasValue(1);
    }

    @Test
    void aDriftedBlockIsMadeAgainOnlyIfTheGateLetsItPay() throws Exception {
        DriftCheck stranger = (step, frames, references) ->
                new DriftCheck.Score(step instanceof Step.Retake ? 0.9 : 0.1, "another face");
        List<Step> gated = new ArrayList<>();
        PaperStages paper = PaperStages.free();
        MemoryJournal journal = new MemoryJournal();
        Events events = new Events();
        JobSpec oneBlock = new JobSpec(SPEC.theme(), SPEC.cast(), 1, "en");

        new Pipeline(paper.stages("local", new DriftGuard(stranger, 0.5, 1)))
                .run(oneBlock, new Workspace(dir.resolve("a")), journal, events, gated::add, () -> false);
        assertThat(gated).contains(Step.block(0).retake());
        assertThat(events.seen).contains("retake block-1.retake");
        assertThat(journal.step(Step.block(0)).orElseThrow().outputs())
                .containsEntry("drift.retake", "kept retake")
                .containsEntry("drift.score", "0.900")
                .containsEntry("drift.firstScore", "0.100");
        assertThat(paper.blocksMade).hasValue(2);

        PaperStages refused = PaperStages.free();
        MemoryJournal second = new MemoryJournal();
        StepGate noRetake = step -> {
            if (step instanceof Step.Retake)
                throw new StepRefusedException(
                        "budget", step + " would cost about $2.80 but your budget has $0.10 left");
        };
        new Pipeline(refused.stages("local", new DriftGuard(stranger, 0.5, 1)))
                .run(oneBlock, new Workspace(dir.resolve("b")), second, StepListener.NONE, noRetake, () -> false);
        assertThat(second.step(Step.block(0)).orElseThrow().outputs().get("drift.retake"))
                .startsWith("refused: ")
                .contains("$0.10 left");
        assertThat(refused.blocksMade).hasValue(1);
    }

    @Test
    void aCancelledRunStopsBetweenSteps() {
        AtomicInteger asked = new AtomicInteger();
        MemoryJournal journal = new MemoryJournal();
        assertThatThrownBy(() -> new Pipeline(PaperStages.free().stages("local"))
                        .run(SPEC, new Workspace(dir), journal, StepListener.NONE, () -> asked.incrementAndGet() > 2))
                .isInstanceOf(CancelledException.class);
        assertThat(journal.isDone(Step.SCRIPT)).isTrue();
        assertThat(journal.step(Step.block(0))).isEmpty();
    }
}
