package io.reelsmith.testkit.memory;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Word;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.Renderer;
import io.reelsmith.script.offline.OfflineScriptWriter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.testkit.StandInStages;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Stages that make no media and start no process: a block is a small text file with its words' times, the take their
 * list, the render only the cover (no final.mp4: its media is what the end-to-end tests check). Fast enough for unit
 * tests of the pipeline and the service; a paid provider's calls are recorded at {@code google}'s prices when given.
 */
public final class PaperStages implements VideoMaker, Renderer {
    /** Blocks made (each call, first takes and retakes alike), counted across every instance sharing it. */
    public final AtomicInteger blocksMade;

    private final IntPredicate failBlock;
    private final GoogleConfig prices;
    private final SpendLedger.Recorder spend;

    /** {@code failBlock}: which block indices fail (once each, as an outage would); {@code prices} null: free. */
    public PaperStages(
            AtomicInteger blocksMade, IntPredicate failBlock, GoogleConfig prices, SpendLedger.Recorder spend) {
        this.blocksMade = blocksMade;
        this.failBlock = failBlock;
        this.prices = prices;
        this.spend = spend;
    }

    public static PaperStages free() {
        return new PaperStages(new AtomicInteger(), i -> false, null, SpendLedger.Recorder.NONE);
    }

    public Stages stages(String provider) {
        return stages(provider, DriftGuard.POSTER_ONLY);
    }

    public Stages stages(String provider, DriftGuard drift) {
        return new Stages(
                provider,
                profile -> StandInStages.characterPng(),
                new OfflineScriptWriter(),
                this,
                null,
                CaptionStyle.SHORTS,
                this,
                drift,
                null);
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        blocksMade.incrementAndGet();
        Step.Block step = Step.block(job.index());
        if (failBlock.test(job.index()) && job.checkpoint().get("failed-once").isEmpty()) {
            job.checkpoint().put("failed-once", "yes");
            throw new IOException("simulated outage in " + step);
        }
        double seconds = job.index() == 0 ? 8 : 7;
        if (prices != null) {
            spend.record(new SpendLedger.Charge(
                    step,
                    new Purchase(
                            prices.videoModel(),
                            "generate",
                            seconds,
                            "second",
                            prices.prices().video(seconds)),
                    SpendStatus.CHARGED,
                    "op-" + job.dir().getFileName() + "-" + step.text()));
        }
        Path out = job.dir().resolve(step.file(".txt"));
        List<Word> words = StandInStages.spreadWords(job.block().spokenText(), seconds);
        AtomicFiles.writeAtomically(
                out, String.join(" ", words.stream().map(Word::text).toList()));
        return new BlockClip(job.index(), out, seconds, words, Map.of());
    }

    @Override
    public List<Path> frames(BlockClip clip, int count, Path dir) {
        return List.of(); // no picture: the drift check of these tests is told its score
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        List<Word> words = new ArrayList<>();
        double at = 0;
        for (BlockClip b : blocks) {
            for (Word w : b.words()) words.add(w.shifted(at));
            at += b.seconds();
        }
        Path take = dir.resolve("take.txt");
        AtomicFiles.writeAtomically(take, "a take of " + blocks.size() + " blocks");
        return new Take(take, at, words);
    }

    @Override
    public void render(Path take, Path ass, Path out) throws IOException {
        AtomicFiles.writeAtomically(out.resolveSibling("cover.jpg"), "the cover of " + take.getFileName());
    }
}
