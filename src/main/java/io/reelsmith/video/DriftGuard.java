package io.reelsmith.video;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Makes a block, looks at it, and re-makes it once when the character drifted: the block's frames are compared
 * with the reference image(s) by a {@link DriftCheck}; below {@code threshold} (and if the budget allows: the
 * {@link Permit}) the block is made again as a <em>retake</em> in its own folder and checkpoint scope, then the
 * better-scoring take is kept. Every decision is written to the block's checkpoint before anything is paid, so a
 * resumed run reuses the scores, resumes (never repeats) the retake and never retakes a block twice.
 * Also leaves the block's poster ({@code block-NN.poster.png}) for the per-block preview.
 */
public record DriftGuard(DriftCheck check, double threshold, int frames) {
    /** The score under which a block is re-made by default (setting reelsmith.drift.threshold: 0 never re-makes; 1 re-makes any doubt). */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** No check (test stand-ins): the block is made once and gets its poster. */
    public static final DriftGuard POSTER_ONLY = new DriftGuard(null, 0, 1);

    public static final String NO_RETAKE = "none", RETAKE_KEPT = "kept retake", FIRST_KEPT = "kept first";

    /** Asked once before a retake would pay: null to go ahead, else why not (e.g. the budget's refusal). */
    public interface Permit {
        String refusal(Step.Retake retake);

        Permit ALWAYS = what -> null;
    }

    /** The block kept, its score (null when unchecked), the first take's score, and what happened ({@code retake}). */
    public record Outcome(
            BlockClip clip, DriftCheck.Score score, DriftCheck.Score firstScore, String retake, Path poster) {}

    public DriftGuard {
        if (!(threshold >= 0 && threshold <= 1))
            throw new IllegalArgumentException("the drift threshold must be within 0..1, not " + threshold);
    }

    /** {@code retakes}: the folder a retake writes its files in (the same names as the first take's). */
    public Outcome make(VideoMaker maker, BlockJob job, List<Path> references, Path retakes, Permit permit)
            throws IOException {
        Step.Block step = Step.block(job.index());
        BlockClip first = maker.makeBlock(job);
        Checkpoint cp = job.checkpoint();
        Path firstFrames = Files.createTempDirectory(Files.createDirectories(job.dir()), ".drift");
        DriftCheck.Score s1;
        Path poster;
        try {
            List<Path> frames = maker.frames(first, this.frames, firstFrames);
            poster = poster(job, frames);
            if (check == null) return new Outcome(first, null, null, NO_RETAKE, poster);
            s1 = score(cp, "drift.first", step, frames, references);
        } finally {
            FileTrees.deleteTreeQuietly(firstFrames); // only the poster and the score are kept
        }
        if (s1.value() >= threshold) return new Outcome(first, s1, s1, NO_RETAKE, poster);
        String decision = cp.get("drift.retake").orElse(null);
        if (decision == null) {
            String refusal = permit.refusal(step.retake());
            decision = refusal == null ? "go" : "refused: " + refusal;
            cp.put("drift.retake", decision); // before the retake calls out: a resumed run follows the same decision
        }
        if (!decision.equals("go")) return new Outcome(first, s1, s1, decision, poster);
        BlockJob again = job.retake(Files.createDirectories(retakes), cp.scoped("retake"));
        BlockClip second = maker.makeBlock(again);
        Path secondFrames = Files.createTempDirectory(retakes, ".drift");
        try {
            List<Path> frames = maker.frames(second, this.frames, secondFrames);
            DriftCheck.Score s2 = score(cp, "drift.retake.score", step.retake(), frames, references);
            return s2.value() > s1.value()
                    ? new Outcome(second, s2, s1, RETAKE_KEPT, poster(job, frames))
                    : new Outcome(first, s1, s1, FIRST_KEPT, poster);
        } finally {
            FileTrees.deleteTreeQuietly(secondFrames);
        }
    }

    /** A score is asked once: kept in the checkpoint, a resumed run reads it instead of paying for it again. */
    private DriftCheck.Score score(Checkpoint cp, String key, Step step, List<Path> frames, List<Path> references)
            throws IOException {
        var known = cp.get(key);
        if (known.isPresent()) {
            String[] parts = known.get().split("\t", 2);
            return new DriftCheck.Score(Double.parseDouble(parts[0]), parts.length > 1 ? parts[1] : "");
        }
        DriftCheck.Score s = check.compare(step, frames, references);
        cp.put(key, String.format(Locale.ROOT, "%.3f", s.value()) + "\t" + s.reason());
        return s;
    }

    /** The middle frame of the kept take, beside the block's other files. */
    private static Path poster(BlockJob job, List<Path> frames) throws IOException {
        Path poster = job.dir().resolve(Step.block(job.index()).file(".poster.png"));
        if (!frames.isEmpty()) AtomicFiles.writeAtomically(poster, Files.readAllBytes(frames.get(frames.size() / 2)));
        return poster;
    }
}
