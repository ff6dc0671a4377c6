package io.reelsmith.video.omni;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.video.veo.VeoPrompts;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.render.Frames;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Files2;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.SharedFrameJoin;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The video stage with Gemini Omni Flash on an API key, planned by {@link OmniPlan}: block 1 is a clip with the
 * character image as reference (9:16, 720p, native audio); each later block continues the previous block's
 * interaction ({@code previous_interaction_id}) while the chain stays within its limit; past it, the block starts a
 * new chain from the previous clip's last frame. Each block's file is its own clip; {@link #assemble} joins them,
 * dropping the first frame of each new chain (it is the previous clip's last frame), so the take has no gap, no
 * repeated frame and no visible cut. Word times are left to the subtitle stage.
 */
public final class OmniMaker implements VideoMaker {
    public static final String FACT_INTERACTION = "omni.interaction", FACT_KIND = "omni.kind";

    private final GoogleConfig config;
    private final OmniClient omni;
    private final OmniGeneration generation;
    private final OmniLimits limits;
    private final SpendLedger.Recorder spend;

    public OmniMaker(GoogleConfig config, OmniClient omni, SpendLedger.Recorder spend) {
        this.config = config;
        this.omni = omni;
        this.generation = new OmniGeneration(omni, config);
        this.limits = OmniLimits.of(config.video());
        this.spend = spend;
    }

    /** What the take will cost and how it is made, for --dry-run and the estimate. */
    public static OmniPlan plan(GoogleConfig config, int blocks) {
        return OmniPlan.of(blocks, OmniLimits.of(config.video()));
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        int n = job.index() + 1;
        OmniPlan.Call call = plan(config, job.script().blocks().size()).call(job.index());
        Step.Block block = Step.block(job.index());
        Path out = job.dir().resolve(block.file(".mp4"));
        Checkpoint cp = job.checkpoint();
        String step = block.text(), kind = call.kind().name().toLowerCase(Locale.ROOT);
        OmniGeneration.Result r;
        try {
            r = generation.run(cp, "block " + n, out, () -> request(job, call),
                    attempt -> spend.record(new SpendLedger.Charge(step + ".uncertain-" + attempt, config.videoModel(), kind, call.seconds(), "second",
                            price(call.seconds()), SpendStatus.UNCERTAIN, null)));
        } catch (GoogleException e) {
            spend.record(new SpendLedger.Charge(step, config.videoModel(), kind, 0, "second", BigDecimal.ZERO, SpendStatus.NOT_CHARGED,
                    cp.get("omni.interaction." + cp.get("omni.attempt").orElse("0")).orElse(null)));
            throw e;
        }
        if (r.videoUri().equals(OmniGeneration.INLINE)) {
            if (!Files.exists(out)) throw new GoogleException("block " + n + "'s video (returned inline) is missing from " + out + "; reset the step to regenerate it");
        } else if (!Files.exists(out) || cp.get("omni.downloaded").isEmpty()) {
            omni.download(r.videoUri(), out);
            cp.put("omni.downloaded", out.getFileName().toString());
        }
        // Billed per delivered second: the clip's seconds, once per block (the ledger keeps one entry per step).
        spend.record(SpendLedger.Charge.charged(step, config.videoModel(), kind, call.seconds(), "second", price(call.seconds()), r.interaction()));
        return new BlockClip(job.index(), out, MediaInfo.probe(out).seconds(), List.of(),
                Map.of(FACT_INTERACTION, r.interaction(), FACT_KIND, call.kind().name()));
    }

    private BigDecimal price(int seconds) {
        return config.prices().video(seconds);
    }

    /** Built only when an interaction must be created (never on a resumed one). */
    private OmniRequest request(BlockJob job, OmniPlan.Call call) throws IOException {
        String prompt = VeoPrompts.forBlock(job.script(), job.index());
        List<byte[]> cast = new java.util.ArrayList<>(); // every cast member's image as a reference (OmniLimits caps them)
        for (Path image : job.castImages()) cast.add(Files.readAllBytes(image));
        String model = config.videoModel();
        if (call.kind() == OmniPlan.Kind.GENERATE) {
            return new OmniRequest(model, "reference_to_video", prompt, call.seconds(), null, cast, null);
        }
        BlockClip prev = job.previous();
        if (prev == null || !prev.facts().containsKey(FACT_INTERACTION)) {
            throw new GoogleException("block " + (job.index() + 1) + " continues block " + job.index() + ", which has no Omni clip (was it made by another provider?)");
        }
        if (call.kind() == OmniPlan.Kind.EXTEND) {
            return new OmniRequest(model, "extend", prompt, call.seconds(), null, List.of(), prev.facts().get(FACT_INTERACTION));
        }
        // A new chain: it starts on the previous clip's last frame, the cast still as references.
        Path frame = job.dir().resolve(String.format("frames/last-of-block-%02d.png", job.index()));
        if (!Files.exists(frame)) {
            Path tmp = frame.resolveSibling("." + frame.getFileName() + ".part.png");
            SharedFrameJoin.lastFrame(prev.file(), tmp);
            Files2.moveAtomically(tmp, frame);
        }
        return new OmniRequest(model, "image_to_video", prompt, call.seconds(), Files.readAllBytes(frame), cast, null);
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        if (blocks.isEmpty()) throw new IllegalArgumentException("no blocks to assemble");
        Files.createDirectories(dir);
        Path take = dir.resolve("take.mp4");
        Path tmp = dir.resolve(".take.part.mp4");
        // Re-encoded through one concat filter with each clip's audio cut to its video: AAC frames make a clip's audio a
        // few ms longer than its picture, and joining them as they are would open a gap (or repeat a frame) at every join.
        Ffmpeg f = Ffmpeg.command();
        StringBuilder graph = new StringBuilder(), concat = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            BlockClip b = blocks.get(i);
            f.input(b.file());
            double end = Frames.videoSeconds(b.file());
            // A new chain's first frame is the last frame of the clip before: drop it (and its audio) so no frame shows
            // twice; a 10 ms fade-in keeps the new chain's audio from clicking at the join.
            boolean join = startsOnPreviousFrame(b);
            double start = join ? 1.0 / MediaInfo.probe(b.file()).fps() : 0;
            graph.append(String.format(Locale.ROOT, "[%d:v]trim=start_frame=%d,setpts=PTS-STARTPTS[v%d];", i, join ? 1 : 0, i))
                    .append(String.format(Locale.ROOT, "[%d:a]atrim=start=%.6f:end=%.6f,asetpts=PTS-STARTPTS%s[a%d];", i, start, end,
                            join ? ",afade=t=in:d=0.01" : "", i));
            concat.append("[v").append(i).append("][a").append(i).append(']');
        }
        graph.append(concat).append("concat=n=").append(blocks.size()).append(":v=1:a=1[v][a]");
        f.filterComplex(graph.toString()).map("[v]", "[a]").h264("veryfast", 16).aac(192).faststart().output(tmp).run();
        Files2.moveAtomically(tmp, take);
        return new Take(take, MediaInfo.probe(take).seconds(), List.of());
    }

    static boolean startsOnPreviousFrame(BlockClip b) {
        return OmniPlan.Kind.FIRST_FRAME.name().equals(b.facts().get(FACT_KIND));
    }
}
