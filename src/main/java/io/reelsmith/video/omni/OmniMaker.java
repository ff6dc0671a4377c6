package io.reelsmith.video.omni;

import io.reelsmith.google.ChainPlan;
import io.reelsmith.google.FirstLastPlan;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.script.Script;
import io.reelsmith.video.AnswerClip;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.ExtensionAnswer;
import io.reelsmith.video.ParallelTake;
import io.reelsmith.video.SharedFrameJoin;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;
import io.reelsmith.video.veo.VeoPrompts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The video stage with Gemini Omni Flash (the Interactions API: {@code gemini-omni-1.1-flash} on an API key,
 * {@code gemini-omni-1.2-flash} on Agent Platform), planned by the model's {@link ChainPlan}: block 1 is a clip with the
 * cast's images as references (9:16, 720p, native audio); each later block extends the previous block's interaction
 * ({@code previous_interaction_id}) while Google extends it. Google answers the whole video so far (on Agent Platform:
 * the input's last 30 s, then the new seconds), kept as {@code block-NN.answer.mp4}; the block's clip is the answer's
 * last seconds ({@link ExtensionAnswer}). Where a chain ends (40 s on the Gemini API) the block restarts from the
 * previous clip's last frame. {@link #assemble} joins the clips, dropping each restart's first frame (it is the
 * previous clip's last), so the take has no gap, no repeated frame and no visible cut. Word times are left to the
 * subtitle stage. A block of the parallel plan ({@link BlockJob#ends()}) is one image_to_video clip between two
 * keyframes, outside any chain.
 */
public final class OmniMaker implements VideoMaker {
    /** The kind of a block filmed between two keyframes (the parallel plan): no chain, no extension. */
    static final String FIRST_LAST = "FIRST_LAST";

    public static final String FACT_INTERACTION = "omni.interaction", FACT_KIND = "omni.kind";

    /** The answer kept beside each block's clip (facts {@link #FACT_ANSWER}, {@link #FACT_ANSWER_SECONDS}). */
    static final AnswerClip ANSWERS = new AnswerClip("omni");

    public static final String FACT_ANSWER = ANSWERS.fileFact(), FACT_ANSWER_SECONDS = ANSWERS.secondsFact();

    private final GoogleConfig config;
    private final OmniClient omni;
    private final OmniGeneration generation;
    private final SpendLedger.Recorder spend;

    public OmniMaker(GoogleConfig config, OmniClient omni, SpendLedger.Recorder spend) {
        this(config, omni, spend, VeoLimiter.UNLIMITED);
    }

    /** With the video quota shared by every call ({@code limits/}): the parallel plan's blocks queue for its slots. */
    public OmniMaker(GoogleConfig config, OmniClient omni, SpendLedger.Recorder spend, VeoLimiter limiter) {
        this.config = config;
        this.omni = omni;
        this.generation = new OmniGeneration(omni, config, limiter);
        this.spend = spend;
    }

    private ChainPlan plan(int blocks) {
        return ChainPlan.of(Script.blockSeconds(blocks), config.video(), config.surface());
    }

    /**
     * The clips between keyframes of {@code blocks} blocks (the parallel plan): {@link FirstLastPlan} over Omni's clip
     * range, which it films with a first and a last frame in whole seconds, so each block keeps its planned seconds
     * and the parallel take bills what the continuous one does; {@code words} null before the script is written.
     */
    public static List<Integer> firstLastSeconds(GoogleConfig config, int blocks, List<Integer> words) {
        return FirstLastPlan.clipSeconds(
                Script.blockSeconds(blocks), words, config.video().limits().clipSeconds());
    }

    /** The script writer's word budget per block under the parallel plan ({@link FirstLastPlan#wordBudget}). */
    public static List<Integer> wordBudget(GoogleConfig config, int blocks) {
        return FirstLastPlan.wordBudget(
                Script.blockSeconds(blocks), config.video().limits().clipSeconds());
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        int n = job.index() + 1;
        ChainPlan plan = plan(job.script().blocks().size());
        boolean between = job.ends() != null;
        ChainPlan.Call call = between ? null : plan.call(job.index());
        int seconds = between
                ? firstLastSeconds(config, job.script().blocks().size(), ParallelTake.words(job.script()))
                        .get(job.index())
                : call.seconds();
        String kindName = between ? FIRST_LAST : call.kind().name();
        Step.Block block = Step.block(job.index());
        Path out = job.dir().resolve(block.file(".mp4"));
        boolean extension = !between && call.kind() == ChainPlan.Kind.EXTEND;
        // An extension's answer is the whole video so far: kept beside the block's clip, which is its last seconds.
        Path answer = extension ? job.dir().resolve(block.file(".answer.mp4")) : out;
        Checkpoint cp = job.checkpoint();
        String step = block.text(), kind = kindName.toLowerCase(Locale.ROOT);
        Purchase bought = new Purchase(config.videoModel(), kind, seconds, "second", price(seconds));
        OmniGeneration.Result r;
        try {
            r = generation.run(
                    cp,
                    "block " + n,
                    answer,
                    () -> request(job, call, seconds),
                    attempt -> spend.record(new SpendLedger.Charge(
                            step + ".uncertain-" + attempt, bought, SpendStatus.UNCERTAIN, null)));
        } catch (GoogleException e) {
            spend.record(generation.clip.unfinished(cp, step, bought));
            throw e;
        }
        generation.clip.keepAnswer(cp, "block " + n, r.interaction(), r.videoUri(), answer, omni::download);
        // Billed per added second: the block's new seconds, once per block (the ledger keeps one entry per step).
        spend.record(new SpendLedger.Charge(block, bought, SpendStatus.CHARGED, r.interaction()));
        AnswerClip.Cut cut = extension
                ? new AnswerClip.Cut(
                        call.seconds(),
                        config.video().extension(config.surface()).orElseThrow(),
                        plan.fps())
                : null;
        Map<String, String> facts = new HashMap<>(Map.of(FACT_INTERACTION, r.interaction(), FACT_KIND, kindName));
        if (between) facts.put(ParallelTake.FACT_SECONDS, String.valueOf(seconds));
        return ANSWERS.clip(job, answer, out, cut, facts);
    }

    private BigDecimal price(int seconds) {
        return config.prices().video(seconds);
    }

    /** Built only when an interaction must be created (never on a resumed one). */
    private OmniRequest request(BlockJob job, ChainPlan.Call call, int seconds) throws IOException {
        String prompt = VeoPrompts.forBlock(job.script(), job.index());
        String model = config.videoModel();
        if (call == null) {
            return OmniRequest.between(
                    model,
                    prompt,
                    seconds,
                    Files.readAllBytes(job.ends().first()),
                    Files.readAllBytes(job.ends().last()));
        }
        List<byte[]> cast = new ArrayList<>(); // every cast member's image as a reference (OmniLimits caps them)
        for (Path image : job.castImages()) cast.add(Files.readAllBytes(image));
        if (call.kind() == ChainPlan.Kind.GENERATE) {
            return new OmniRequest(model, "reference_to_video", prompt, call.seconds(), null, cast, null);
        }
        BlockClip prev = job.previous();
        if (prev == null || !prev.facts().containsKey(FACT_INTERACTION)) {
            throw new GoogleException("block " + (job.index() + 1) + " continues block " + job.index()
                    + ", which has no Omni clip (was it made by another provider?)");
        }
        if (call.kind() == ChainPlan.Kind.EXTEND) {
            return new OmniRequest(
                    model,
                    "extend",
                    prompt,
                    call.seconds(),
                    null,
                    List.of(),
                    prev.facts().get(FACT_INTERACTION));
        }
        // A new chain: it starts on the previous clip's last frame. No reference image may follow: Google reads a
        // second image of image_to_video as the clip's last frame (the cast carries over by continuity and the prompt).
        Path frame = job.dir().resolve(String.format("frames/last-of-block-%02d.png", job.index()));
        if (!Files.exists(frame)) {
            Path tmp = frame.resolveSibling("." + frame.getFileName() + ".part.png");
            SharedFrameJoin.lastFrame(prev.file(), tmp);
            AtomicFiles.moveAtomically(tmp, frame);
        }
        return new OmniRequest(
                model, "image_to_video", prompt, call.seconds(), Files.readAllBytes(frame), List.of(), null);
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        if (blocks.isEmpty()) throw new IllegalArgumentException("no blocks to assemble");
        Path take = dir.resolve("take.mp4");
        ChainPlan plan = plan(blocks.size());
        List<SharedFrameJoin.Piece> pieces = new ArrayList<>();
        for (BlockClip b : blocks)
            pieces.add(new SharedFrameJoin.Piece(b.file(), plan.call(b.index()).seconds(), startsOnPreviousFrame(b)));
        SharedFrameJoin.join(pieces, plan.fps(), take);
        return new Take(take, MediaInfo.probe(take).seconds(), List.of());
    }

    static boolean startsOnPreviousFrame(BlockClip b) {
        return ChainPlan.Kind.FIRST_FRAME.name().equals(b.facts().get(FACT_KIND));
    }
}
