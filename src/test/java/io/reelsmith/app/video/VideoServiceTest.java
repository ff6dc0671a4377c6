package io.reelsmith.app.video;

import static io.reelsmith.testkit.memory.MemoryService.ANN;
import static io.reelsmith.testkit.memory.MemoryService.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.Refusal;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.money.BudgetExceeded;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.pipeline.StepStatus;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.testkit.memory.MemoryService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video use cases on in-memory adapters: plan, edit, start, cancel, retry, regenerate, delete, and the budget on each paid path. */
class VideoServiceTest {
    static final GoogleConfig veo = MemoryService.veoPrices();

    @TempDir
    Path scratch;

    private MemoryService app(BigDecimal budget) {
        return new MemoryService(scratch, budget, veo, i -> false);
    }

    @Test
    void aPlannedVideoIsADraftWithItsScriptAndCastCopiedIntoItsFiles() throws Exception {
        MemoryService app = app(null);
        CharacterRow kwirlo = app.character(ANN, "Kwirlo");
        VideoRow v =
                app.service.plan(ANN, new VideoService.NewVideo("a kite race", kwirlo.id(), 2, "en", "local", null));

        assertThat(v.status()).isEqualTo(VideoStatus.DRAFT);
        assertThat(v.estimateUsd()).isZero();
        Script script = app.service.script(v);
        assertThat(script.blocks()).hasSize(2);
        assertThat(app.files.read(ANN, v.id(), "character.png")).isPresent();
        assertThat(app.service.steps(v))
                .extracting(StepState::name)
                .containsExactly("character", "script", "block-1", "block-2", "subtitles", "render");
        assertThat(app.service.steps(v)).allMatch(s -> s.status().equals("pending"));
        assertThatThrownBy(() -> app.service.find(BOB, v.id()))
                .isInstanceOf(Refusal.class)
                .hasMessage("video not found");
        assertThatThrownBy(() ->
                        app.service.plan(BOB, new VideoService.NewVideo("x", kwirlo.id(), 1, "en", "local", null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("character not found");
    }

    @Test
    void startQueuesOnceAndEachTransitionHoldsOnlyFromItsStates() throws Exception {
        MemoryService app = app(null);
        VideoRow v = app.plan(ANN, "a kite race", 1, "local");
        assertThat(app.service.start(ANN, v.id()).status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(app.jobs.queued).hasSize(1);
        assertThatThrownBy(() -> app.service.start(ANN, v.id()))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("only a draft can be started");
        assertThatThrownBy(() -> app.service.replaceScript(ANN, v.id(), app.service.script(v)))
                .hasMessageContaining("before the video is started");
        assertThatThrownBy(() -> app.service.delete(ANN, v.id()))
                .hasMessageContaining("cancel the video before deleting it");

        assertThat(app.service.cancel(ANN, v.id()).status()).isEqualTo(VideoStatus.CANCELLED);
        assertThat(app.jobs.cancelled).containsExactly(app.jobs.queued.get(0).jobId());
        assertThat(app.service.retry(ANN, v.id()).status()).isEqualTo(VideoStatus.QUEUED);
        assertThat(app.jobs.queued).hasSize(2);
    }

    @Test
    void aPaidStartReservesItsEstimateAndOneOverTheBudgetIsRefusedWithNothingQueued() throws Exception {
        MemoryService app = app(new BigDecimal("20"));
        String kwirlo = app.character(ANN, "Kwirlo").id();
        // 4 blocks on Veo: 29 s x $0.40 and 4 drift checks; the character and the script were made when planning
        VideoRow first =
                app.service.plan(ANN, new VideoService.NewVideo("a kite race", kwirlo, 4, "en", "google", null));
        app.service.start(ANN, first.id());
        assertThat(app.budgets.account(ANN).reservedUsd()).isEqualByComparingTo("11.62");

        VideoRow second = app.service.plan(ANN, new VideoService.NewVideo("a picnic", kwirlo, 4, "en", "google", null));
        assertThatThrownBy(() -> app.service.start(ANN, second.id()))
                .isInstanceOfSatisfying(BudgetExceeded.class, e -> {
                    assertThat(e.estimateUsd()).isEqualByComparingTo("11.62");
                    assertThat(e.remainingUsd()).isEqualByComparingTo("8.38");
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "starting it would cost about $11.62 but your budget has $8.38 left ($20.00 budget, $0.00 spent, "
                                            + "$11.62 reserved by other videos); nothing was spent");
                });
        assertThat(app.videos.status(second.id())).contains(VideoStatus.DRAFT);
        assertThat(app.jobs.queued).hasSize(1);
        // a video's own cap is a budget too
        VideoRow capped = app.service.plan(
                BOB,
                new VideoService.NewVideo(
                        "a picnic", app.character(BOB, "Pip").id(), 1, "en", "google", new BigDecimal("1")));
        assertThatThrownBy(() -> app.service.start(BOB, capped.id()))
                .hasMessageContaining("this video's cap of $1.00 has $1.00 left");
    }

    @Test
    void anEditedScriptIsPricedFromItselfAndUnderTheParallelPlanFromItsWords() throws Exception {
        MemoryService app = app(null);
        String kwirlo = app.character(ANN, "Kwirlo").id();
        VideoRow v = app.service.plan(ANN, new VideoService.NewVideo("a kite race", kwirlo, 4, "en", "google", null));
        Script script = app.service.script(v);
        Script shorter =
                new Script(script.title(), script.language(), script.blocks().subList(0, 2));
        VideoRow edited = app.service.replaceScript(ANN, v.id(), shorter);
        assertThat(edited.estimateUsd())
                .isEqualByComparingTo(
                        new ProviderRegistry(() -> veo).estimateUsd("google", shorter, TakePlan.CONTINUOUS))
                .isLessThan(v.estimateUsd());

        // Vertex films 4/6/8 s: 8 blocks of 12 words get 8/8/6/8/6/8/6/8 s (58), of 15 words 8 s each (64)
        ProviderRegistry pricing = new ProviderRegistry(() -> veo);
        BigDecimal kept = pricing.estimateUsd("google", lines(8, 12), TakePlan.PARALLEL);
        BigDecimal full = pricing.estimateUsd("google", lines(8, 15), TakePlan.PARALLEL);
        assertThat(full.subtract(kept)).isEqualByComparingTo("2.40"); // 6 s at $0.40
    }

    private static Script lines(int blocks, int words) {
        List<Block> out = new ArrayList<>();
        String line = String.join(" ", Collections.nCopies(words, "word"));
        for (int i = 1; i <= blocks; i++)
            out.add(new Block(i, List.of(new DialogueLine("Kwirlo", line)), "a park", "birds"));
        return new Script("t", "en", out);
    }

    @Test
    void regenerateMakesTheBlocksFromTheOneAskedAndKeepsTheOnesBefore() throws Exception {
        MemoryService app = app(null);
        VideoRow v = app.plan(ANN, "a kite race", 3, "local");
        app.service.start(ANN, v.id());
        app.runQueuedVideos();
        assertThat(app.videos.status(v.id())).contains(VideoStatus.COMPLETED);
        assertThat(app.blocksMade).hasValue(3);

        assertThatThrownBy(() -> app.service.regenerate(ANN, v.id(), 4))
                .hasMessageContaining("fromBlock must be a block number between 1 and 3");
        app.service.regenerate(ANN, v.id(), 2);
        List<StepState> steps = app.service.steps(v);
        assertThat(steps)
                .filteredOn(s -> s.name().equals("block-1"))
                .singleElement()
                .matches(StepState::done);
        assertThat(steps)
                .filteredOn(s ->
                        List.of("block-2", "block-3", "subtitles", "render").contains(s.name()))
                .allMatch(s -> s.status().equals("pending"));
        assertThat(app.files.read(ANN, v.id(), ".reelsmith/blocks/block-01.txt"))
                .isPresent();
        assertThat(app.files.read(ANN, v.id(), ".reelsmith/blocks/block-02.txt"))
                .isEmpty();
        app.runQueuedVideos();
        assertThat(app.videos.status(v.id())).contains(VideoStatus.COMPLETED);
        assertThat(app.blocksMade).hasValue(5);
        assertThat(app.journals.of(v.id()).step(Step.block(1)).orElseThrow().status())
                .isEqualTo(StepStatus.DONE);

        app.service.delete(ANN, v.id());
        assertThat(app.videos.find(v.id())).isEmpty();
        assertThat(app.blobs.list("users/" + ANN + "/videos/" + v.id() + "/")).isEmpty();
    }
}
