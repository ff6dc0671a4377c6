package io.reelsmith.app.batch;

import static io.reelsmith.google.CostEstimate.usd;
import static io.reelsmith.testkit.memory.MemoryService.ANN;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.batch.BatchStore.Item;
import io.reelsmith.app.batch.BatchStore.ItemState;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.testkit.GoogleBill;
import io.reelsmith.testkit.memory.MemoryService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch's starter on in-memory adapters: one reservation per theme against the batch's budget, each theme started once. */
class BatchRunnerTest {
    @TempDir
    Path scratch;

    @Test
    void theBatchStopsAtTheFirstThemeItsBudgetCannotHoldAndStartsEachOtherOnce() throws Exception {
        GoogleConfig veo = MemoryService.veoPrices();
        MemoryService app = new MemoryService(scratch, null, veo, i -> false);
        String kwirlo = app.character(ANN, "Kwirlo").id();
        // one 1-block video on Veo reserves its script and its 8 s clip with its check, each rounded up to the cent
        BigDecimal one = GoogleBill.oneBlockVideo(veo),
                budget = new BigDecimal("7"),
                left = budget.subtract(one.add(one));
        var b = app.batchService.create(
                ANN,
                new BatchService.NewBatch(List.of("a map", "a kite", "a cake"), kwirlo, 1, "en", "google", budget));
        app.batchRunner.run(b.id());
        app.batchRunner.run(b.id()); // run again (a crash, a retry): nothing is planned or started twice

        List<Item> items = app.batches.items(b.id());
        assertThat(items)
                .extracting(Item::state)
                .containsExactly(ItemState.STARTED, ItemState.STARTED, ItemState.SKIPPED);
        assertThat(items.get(2).reason()).isEqualTo("budget");
        assertThat(items.get(2).message())
                .startsWith("not started: it would cost about " + usd(one) + " but the batch budget has " + usd(left)
                        + " left ($7.00 budget, $0.00 spent, " + usd(one.add(one)) + " reserved by its other videos)");
        assertThat(items.get(0).reservedUsd()).isEqualByComparingTo(one);
        assertThat(app.jobs.queued).filteredOn(q -> q.kind().equals("video")).hasSize(2);
        assertThat(app.videos.status(items.get(0).videoId())).contains(VideoStatus.QUEUED);
        assertThat(app.videos.find(items.get(2).videoId())).isEmpty(); // never planned: nothing was spent on it

        var progress = app.batchService.progress(app.batchService.find(ANN, b.id()));
        assertThat(progress.status()).isEqualTo("running");
        assertThat(progress.counts()).containsEntry("queued", 2).containsEntry("skipped", 1);
        assertThat(progress.remainingUsd()).isEqualByComparingTo(left);
    }

    @Test
    void aFreeBatchStartsEveryTheme() throws Exception {
        MemoryService app = new MemoryService(scratch, null, null, i -> false);
        var b = app.batchService.create(
                ANN,
                new BatchService.NewBatch(
                        List.of("a map", "a kite"),
                        app.character(ANN, "Kwirlo").id(),
                        1,
                        "en",
                        "local",
                        new BigDecimal("1")));
        app.batchRunner.run(b.id());
        assertThat(app.batches.items(b.id())).extracting(Item::state).containsOnly(ItemState.STARTED);
        assertThat(app.runQueuedVideos()).isEqualTo(2);
        assertThat(app.batchService.progress(app.batchService.find(ANN, b.id())).status())
                .isEqualTo("finished");
    }
}
