package io.reelsmith.app.video;

import static io.reelsmith.testkit.memory.MemoryService.ANN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.Step;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.pipeline.StepStatus;
import io.reelsmith.testkit.memory.MemoryService;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run of a service video on in-memory adapters: the lease, the files in the store, the gate, failures and retries. */
class VideoRunnerTest {
    static final GoogleConfig veo = MemoryService.veoPrices();

    @TempDir
    Path scratch;

    private VideoRow started(MemoryService app, String provider, int blocks) throws Exception {
        VideoRow v = app.plan(ANN, "a kite race", blocks, provider);
        return app.service.start(ANN, v.id());
    }

    @Test
    void aRunMakesEveryStepStoresItsFilesAndLeavesNoScratchCopy() throws Exception {
        MemoryService app = new MemoryService(scratch, null, veo, i -> false);
        VideoRow v = started(app, "local", 2);
        app.runner.run(v.id(), app.jobs.jobOf(v.id()));

        assertThat(app.videos.find(v.id()).orElseThrow())
                .extracting(VideoRow::status, VideoRow::runs)
                .containsExactly(VideoStatus.COMPLETED, 1);
        for (String f : new String[] {
            "cover.jpg", "manifest.json", "subtitles.ass", "words.json", ".reelsmith/blocks/block-02.txt"
        }) {
            assertThat(app.files.read(ANN, v.id(), f)).as(f).isPresent();
        }
        assertThat(scratch.resolve(v.id())).doesNotExist();
        assertThat(new String(app.files.read(ANN, v.id(), "manifest.json").orElseThrow()))
                .contains("\"block-2\"");
        // a second delivery of the same job finds the video finished and does nothing
        app.runner.run(v.id(), app.jobs.jobOf(v.id()));
        assertThat(app.blocksMade).hasValue(2);
    }

    @Test
    void aJobTheVideoNoLongerPointsAtDoesNothing() throws Exception {
        MemoryService app = new MemoryService(scratch, null, veo, i -> false);
        VideoRow v = started(app, "local", 1);
        app.runner.run(v.id(), "00000000-0000-4000-8000-00000000dead");
        assertThat(app.videos.status(v.id())).contains(VideoStatus.QUEUED);
        assertThat(app.blocksMade).hasValue(0);
    }

    @Test
    void aFailedRunKeepsItsErrorForTheRetryWhichResumesAtTheFailedStep() throws Exception {
        MemoryService app = new MemoryService(scratch, null, veo, i -> i == 1);
        VideoRow v = started(app, "local", 3);
        String job = app.jobs.jobOf(v.id());
        assertThatThrownBy(() -> app.runner.run(v.id(), job)).hasMessageContaining("simulated outage in block-2");
        assertThat(app.videos.find(v.id()).orElseThrow())
                .extracting(VideoRow::status, VideoRow::error)
                .containsExactly(VideoStatus.RUNNING, "simulated outage in block-2");

        app.runner.run(v.id(), job); // the job server's retry
        assertThat(app.videos.find(v.id()).orElseThrow())
                .extracting(VideoRow::status, VideoRow::runs)
                .containsExactly(VideoStatus.COMPLETED, 2);
        assertThat(app.journals.of(v.id()).step(Step.block(0)).orElseThrow().attempts())
                .isEqualTo(1);
        assertThat(app.journals.of(v.id()).step(Step.block(1)).orElseThrow())
                .extracting(StepRecord::status, StepRecord::attempts)
                .containsExactly(StepStatus.DONE, 2);
        assertThat(app.blocksMade).hasValue(4);
    }

    @Test
    void theBudgetStopsARunBeforeTheStepThatWouldCrossIt() throws Exception {
        MemoryService app = new MemoryService(scratch, new BigDecimal("20"), veo, i -> false);
        VideoRow v = started(app, "google", 3);
        // after the start, an administrator lowers the budget: block 1 ($3.20 and its check) fits, block 2 does not
        app.budgetStore.setUserBudget(ANN, new BigDecimal("4"));
        app.runner.run(v.id(), app.jobs.jobOf(v.id()));

        VideoRow failed = app.videos.find(v.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(failed.error())
                .startsWith("paying for block-2 would cost about $2.81 but your budget has $0.80 left");
        assertThat(app.videos.failReason(v.id())).contains("budget");
        assertThat(app.ledger.entries(v.id())).extracting(SpendEntry::step).containsExactly("block-1");
        assertThat(app.journals.of(v.id()).step(Step.block(1))).isEmpty(); // refused before it was recorded or paid
        assertThat(Files.exists(scratch.resolve(v.id()))).isFalse();
    }
}
