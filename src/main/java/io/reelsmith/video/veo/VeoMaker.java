package io.reelsmith.video.veo;

import io.reelsmith.google.ChainPlan;
import io.reelsmith.google.FirstLastPlan;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.VideoMode;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Ffmpeg;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The video stage with Veo 3.1 (Vertex AI). In {@link VideoMode#EXTEND} the take follows the model's {@link ChainPlan}:
 * block 1 is an 8 s clip with the cast's images as asset references, and block k extends block k-1's answer by 7 s
 * while Google extends it (Vertex: inputs of 1 to 30 s); Google answers the whole video (input + 7 s), kept as
 * {@code block-NN.answer.mp4}, and the block's clip is that answer's last 7 s ({@link ExtensionAnswer}). Past the
 * limit a block restarts: an 8 s clip from the previous clip's last frame (image-to-video); {@link #assemble} joins
 * the clips, the restarts at their shared frame. In {@link VideoMode#INTERPOLATE} each block is an 8 s clip between two
 * frames drawn from the character (block k ends on the frame block k+1 starts with); the clips are joined. In the
 * parallel plan (a {@link BlockJob} with two keyframes) a block is one clip between its keyframes, as long as
 * {@link #firstLastSeconds} says (Vertex AI: 4, 6 or 8 s). The take is 720p; the render stage upscales it to 1080x1920 in its one pass. Word times are left to the
 * subtitle stage (Veo does not report them).
 */
public final class VeoMaker implements VideoMaker {
    public static final String FACT_URI = "veo.uri",
            FACT_CREATED = "veo.created",
            FACT_OPERATION = "veo.operation",
            FACT_SEGMENT = "veo.segment";

    /** The answer kept beside each block's clip (facts {@link #FACT_ANSWER}, {@link #FACT_ANSWER_SECONDS}). */
    static final AnswerClip ANSWERS = new AnswerClip("veo");

    public static final String FACT_ANSWER = ANSWERS.fileFact(), FACT_ANSWER_SECONDS = ANSWERS.secondsFact();

    /** Draws a frame of the character in a scene (the image model, given the character image). */
    public interface FrameMaker {
        byte[] frame(byte[] characterPng, String scene) throws IOException;
    }

    private final GoogleConfig config;
    private final VeoGeneration generation;
    private final VeoClient veo;
    private final FrameMaker frames;
    private final SpendLedger.Recorder spend;

    public VeoMaker(GoogleConfig config, VeoClient veo, FrameMaker frames, SpendLedger.Recorder spend) {
        this(config, veo, frames, spend, VeoLimiter.UNLIMITED);
    }

    public VeoMaker(
            GoogleConfig config, VeoClient veo, FrameMaker frames, SpendLedger.Recorder spend, VeoLimiter limiter) {
        this.config = config;
        this.veo = veo;
        this.generation = new VeoGeneration(veo, config, limiter);
        this.frames = frames;
        this.spend = spend;
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        int n = job.index() + 1;
        Step.Block step = Step.block(job.index());
        Path out = job.dir().resolve(step.file(".mp4"));
        boolean extension = config.videoMode() == VideoMode.EXTEND
                && job.ends() == null
                && call(job).kind() == ChainPlan.Kind.EXTEND;
        // An extension's answer is the whole video so far: kept beside the block's clip, which is its last seconds.
        Path answer = extension ? job.dir().resolve(step.file(".answer.mp4")) : out;
        Checkpoint cp = job.checkpoint();
        String kind = kind(job);
        double billed = billedSeconds(job);
        Purchase bought = new Purchase(
                config.videoModel(), kind, billed, "second", config.prices().video(billed));
        VeoGeneration.Result r;
        try {
            r = generation.run(
                    cp,
                    "block " + n,
                    answer,
                    () -> request(job),
                    claim -> spend.record(
                            new SpendLedger.Charge(step, bought, SpendStatus.UNCERTAIN, "claim:" + claim)));
        } catch (GoogleException e) {
            spend.record(generation.clip.unfinished(cp, step.text(), bought));
            throw e;
        }
        generation.clip.keepAnswer(cp, "block " + n, r.operation(), r.videoUri(), answer, veo::download);
        spend.record(new SpendLedger.Charge(step, bought, SpendStatus.CHARGED, r.operation()));
        AnswerClip.Cut cut = extension
                ? new AnswerClip.Cut(
                        call(job).seconds(),
                        config.video().extension(config.surface()).orElseThrow(),
                        plan(job).fps())
                : null;
        int segment = config.videoMode() == VideoMode.EXTEND && job.ends() == null
                ? call(job).chain()
                : job.index();
        Map<String, String> facts = new HashMap<>(Map.of(
                FACT_URI,
                r.videoUri(),
                FACT_CREATED,
                r.created().toString(),
                FACT_OPERATION,
                r.operation(),
                FACT_SEGMENT,
                String.valueOf(segment)));
        if (job.ends() != null) facts.put(ParallelTake.FACT_SECONDS, String.valueOf((int) billed));
        return ANSWERS.clip(job, answer, out, cut, facts);
    }

    private ChainPlan plan(BlockJob job) {
        return ChainPlan.of(Script.blockSeconds(job.script().blocks().size()), config.video(), config.surface());
    }

    private ChainPlan.Call call(BlockJob job) {
        return plan(job).call(job.index());
    }

    /**
     * The clips between keyframes of {@code blocks} blocks (the parallel plan): {@link FirstLastPlan} over the lengths
     * Veo films between two frames on this surface ({@link VeoRules#firstLastSeconds}: Vertex AI 4, 6 or 8 s);
     * {@code words} null before the script is written.
     */
    public static List<Integer> firstLastSeconds(GoogleConfig config, int blocks, List<Integer> words) {
        return FirstLastPlan.clipSeconds(
                Script.blockSeconds(blocks), words, VeoRules.firstLastSeconds(config.vertex()));
    }

    /** The script writer's word budget per block under the parallel plan ({@link FirstLastPlan#wordBudget}). */
    public static List<Integer> wordBudget(GoogleConfig config, int blocks) {
        return FirstLastPlan.wordBudget(Script.blockSeconds(blocks), VeoRules.firstLastSeconds(config.vertex()));
    }

    private int firstLastSeconds(BlockJob job) {
        return firstLastSeconds(config, job.script().blocks().size(), ParallelTake.words(job.script()))
                .get(job.index());
    }

    private String kind(BlockJob job) {
        if (job.ends() != null) return "interpolate";
        if (config.videoMode() == VideoMode.INTERPOLATE) return "generate";
        return switch (call(job).kind()) {
            case GENERATE -> "generate";
            case FIRST_FRAME -> "continue";
            case EXTEND -> "extend";
        };
    }

    private double billedSeconds(BlockJob job) {
        if (job.ends() != null) return firstLastSeconds(job);
        return config.videoMode() == VideoMode.EXTEND ? call(job).seconds() : Script.FIRST_BLOCK_SECONDS;
    }

    /** Built only when a submission is needed (never on a resumed operation). */
    private VeoRequest request(BlockJob job) throws IOException {
        String prompt = VeoPrompts.forBlock(job.script(), job.index());
        if (job.ends() != null) {
            return VeoRules.check(
                    VeoRequest.interpolation(
                            config.videoModel(),
                            prompt,
                            Files.readAllBytes(job.ends().first()),
                            Files.readAllBytes(job.ends().last()),
                            firstLastSeconds(job)),
                    config.vertex());
        }
        byte[] character = Files.readAllBytes(job.characterImage());
        if (config.videoMode() == VideoMode.INTERPOLATE) {
            return VeoRules.check(VeoRequest.interpolation(
                    config.videoModel(),
                    prompt,
                    frame(job, character, job.index()),
                    frame(job, character, job.index() + 1)));
        }
        if (job.index() == 0) {
            // the whole cast as asset references (Veo takes up to 3: JobSpec.MAX_CAST); later blocks extend this take
            List<byte[]> cast = new ArrayList<>();
            for (Path image : job.castImages()) cast.add(Files.readAllBytes(image));
            return VeoRules.check(VeoRequest.withReferences(config.videoModel(), prompt, cast), config.vertex());
        }
        BlockClip prev = job.previous();
        if (call(job).kind() == ChainPlan.Kind.FIRST_FRAME) {
            if (prev == null || !Files.exists(prev.file())) {
                throw new GoogleException("block " + (job.index() + 1) + " starts from block " + job.index()
                        + "'s last frame, but block " + job.index() + "'s video is missing; reset block " + job.index()
                        + " to make it again");
            }
            // The new chain's first frame is the take's frame so far: the join shows it once (see assemble).
            Path frame = job.dir().resolve(String.format("frames/segment-start-%02d.png", job.index() + 1));
            if (!Files.exists(frame)) SharedFrameJoin.lastFrame(prev.file(), frame);
            return VeoRules.check(
                    VeoRequest.fromFirstFrame(config.videoModel(), prompt, Files.readAllBytes(frame)), config.vertex());
        }
        if (prev == null || !prev.facts().containsKey(FACT_URI)) {
            throw new GoogleException("block " + (job.index() + 1) + " extends block " + job.index()
                    + ", which has no Veo video (was it made by another provider?)");
        }
        Instant created = Instant.parse(prev.facts().get(FACT_CREATED));
        if (created.plus(config.retention()).isBefore(Instant.now())) {
            throw new SourceVideoExpiredException(
                    "block " + job.index() + "'s Veo video was made " + created + " and Google keeps videos only "
                            + config.retention().toHours() + " h, so block " + (job.index() + 1)
                            + " cannot extend it; regenerate from block "
                            + job.index() + " (this pays for blocks " + job.index() + ".."
                            + job.script().blocks().size() + " again)");
        }
        // The input is the answer before (the whole chain so far as Google keeps it), not the block's clip.
        Path input = prev.file()
                .resolveSibling(prev.facts()
                        .getOrDefault(FACT_ANSWER, prev.file().getFileName().toString()));
        double inputSeconds = ANSWERS.answerSeconds(prev);
        if (prev.facts().get(FACT_URI).equals(VeoGeneration.INLINE)) {
            return VeoRules.check(
                    VeoRequest.extension(config.videoModel(), prompt, Files.readAllBytes(input), inputSeconds), true);
        }
        return VeoRules.check(
                VeoRequest.extension(
                        config.videoModel(), prompt, prev.facts().get(FACT_URI), inputSeconds, config.vertex()),
                config.vertex());
    }

    /** Frame k is the last frame of block k-1 and the first of block k: made once, kept as a file. */
    private byte[] frame(BlockJob job, byte[] character, int k) throws IOException {
        Path file = job.dir().resolve(String.format("frames/frame-%02d.png", k));
        if (!Files.exists(file)) {
            AtomicFiles.writeAtomically(file, frames.frame(character, VeoPrompts.frameScene(job.script(), k)));
            Purchase image = new Purchase(
                    config.imageModel(), "image", 1, "image", config.prices().perImage());
            spend.record(new SpendLedger.Charge("frame-" + k, image, SpendStatus.CHARGED, null));
        }
        return Files.readAllBytes(file);
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        if (blocks.isEmpty()) throw new IllegalArgumentException("no blocks to assemble");
        Path take = dir.resolve("take.mp4");
        if (config.videoMode() == VideoMode.EXTEND) {
            // Each block's clip holds its own seconds; a restart starts on the clip before's last frame, shown once.
            ChainPlan plan = ChainPlan.of(Script.blockSeconds(blocks.size()), config.video(), config.surface());
            List<SharedFrameJoin.Piece> pieces = new ArrayList<>();
            for (BlockClip b : blocks) {
                ChainPlan.Call c = plan.call(b.index());
                pieces.add(new SharedFrameJoin.Piece(b.file(), c.seconds(), c.kind() == ChainPlan.Kind.FIRST_FRAME));
            }
            Files.createDirectories(dir);
            SharedFrameJoin.join(pieces, plan.fps(), take);
        } else {
            Path list = dir.resolve("take-list.txt");
            StringBuilder sb = new StringBuilder();
            for (BlockClip b : blocks)
                sb.append("file '")
                        .append(b.file().toAbsolutePath().toString().replace("'", "'\\''"))
                        .append("'\n");
            AtomicFiles.writeAtomically(list, sb.toString());
            Ffmpeg.command()
                    .input(list, "-f", "concat", "-safe", "0")
                    .args("-c", "copy")
                    .faststart()
                    .output(take)
                    .run();
        }
        return new Take(take, MediaInfo.probe(take).seconds(), List.of());
    }
}
