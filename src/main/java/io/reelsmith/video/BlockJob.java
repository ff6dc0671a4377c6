package io.reelsmith.video;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.script.Block;
import io.reelsmith.script.Script;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one block needs: the whole script (for context), which block, the cast (each character's name
 * and reference image, the lead first), the block before, and in the parallel plan the two keyframes it runs
 * between ({@code ends}; null when the block continues the one before).
 */
public record BlockJob(
        Script script,
        int index,
        List<Member> cast,
        BlockClip previous,
        Path dir,
        Checkpoint checkpoint,
        EndFrames ends) {
    /** One character of the cast: the name its lines are spoken under, and its reference image. */
    public record Member(String name, Path image) {}

    public BlockJob {
        if (cast == null || cast.isEmpty()) throw new IllegalArgumentException("a block needs the character's image");
        cast = List.copyOf(cast);
    }

    /** A block of the continuous take (no keyframes). */
    public BlockJob(Script script, int index, List<Member> cast, BlockClip previous, Path dir, Checkpoint checkpoint) {
        this(script, index, cast, previous, dir, checkpoint, null);
    }

    /** A block with one recurring character, whose name the script decides. */
    public BlockJob(
            Script script, int index, Path characterImage, BlockClip previous, Path dir, Checkpoint checkpoint) {
        this(script, index, List.of(new Member("", characterImage)), previous, dir, checkpoint, null);
    }

    /** The same block between two keyframes (the parallel plan). */
    public BlockJob between(EndFrames frames) {
        return new BlockJob(script, index, cast, previous, dir, checkpoint, frames);
    }

    public Block block() {
        return script.blocks().get(index);
    }

    /** The lead's reference image. */
    public Path characterImage() {
        return cast.get(0).image();
    }

    /** Every cast member's reference image, lead first. */
    public List<Path> castImages() {
        return cast.stream().map(Member::image).toList();
    }

    /** The same block made again elsewhere: a retake writes its files in {@code dir} and remembers under {@code cp}. */
    public BlockJob retake(Path dir, Checkpoint cp) {
        return new BlockJob(script, index, cast, previous, dir, cp, ends);
    }
}
