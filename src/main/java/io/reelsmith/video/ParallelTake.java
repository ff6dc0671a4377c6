package io.reelsmith.video;

import io.reelsmith.google.FirstLastPlan;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.script.Script;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The video stage of the parallel plan. Every block is one clip between two keyframes ({@link BlockJob#ends()}),
 * filmed by a back end that makes first-and-last-frame clips (Veo's interpolation, Omni's image_to_video with a second
 * image); no block needs another, so the pipeline submits them all at once. {@link #assemble} joins the clips on the
 * keyframes they share — block k ends on the frame block k+1 starts with — keeping that frame once and meeting the
 * audio through a 5 ms fade ({@link SharedFrameJoin}): no gap, no repeated frame.
 *
 * The back end films each clip as long as {@link FirstLastPlan} says (the shortest length it allows that holds the
 * block's words and keeps the take on time) and names that length in the clip's fact {@link #FACT_SECONDS}.
 */
public record ParallelTake(VideoMaker backend) implements VideoMaker {
    /** The whole seconds a clip between two keyframes was filmed as (journaled with the block, read by the join). */
    public static final String FACT_SECONDS = "between.seconds";

    /** Each block's dialogue words, what {@link FirstLastPlan} sizes its clip by. */
    public static List<Integer> words(Script script) {
        return script.blocks().stream()
                .map(b -> FirstLastPlan.words(b.spokenText()))
                .toList();
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        if (job.ends() == null)
            throw new IllegalArgumentException(
                    "block " + (job.index() + 1) + " of a parallel take needs its two keyframes");
        return backend.makeBlock(job);
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        if (blocks.isEmpty()) throw new IllegalArgumentException("no blocks to assemble");
        List<BlockClip> ordered = blocks.stream()
                .sorted(Comparator.comparingInt(BlockClip::index))
                .toList();
        // every clip after the first starts on the keyframe the one before ends on
        List<SharedFrameJoin.Piece> pieces = new ArrayList<>();
        for (BlockClip b : ordered) pieces.add(new SharedFrameJoin.Piece(b.file(), seconds(b), b != ordered.get(0)));
        Path take = dir.resolve("take.mp4");
        SharedFrameJoin.join(pieces, MediaInfo.probe(ordered.get(0).file()).fps(), take);
        return new Take(take, MediaInfo.probe(take).seconds(), List.of());
    }

    private static int seconds(BlockClip b) throws IOException {
        String s = b.facts().get(FACT_SECONDS);
        // a block journaled before clips named their length: its clip's own whole seconds
        return s != null
                ? Integer.parseInt(s)
                : (int) Math.round(MediaInfo.probe(b.file()).seconds());
    }

    @Override
    public List<Path> frames(BlockClip clip, int count, Path dir) throws IOException {
        return backend.frames(clip, count, dir);
    }
}
