package io.reelsmith.video;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.script.Script;

import java.nio.file.Path;

/** Everything one block needs: the whole script (for context), which block, the character, the block before. */
public record BlockJob(Script script, int index, Path characterImage, BlockClip previous, Path dir, Checkpoint checkpoint) {
    public io.reelsmith.script.Block block() {
        return script.blocks().get(index);
    }

    /** The same block made again elsewhere: a retake writes its files in {@code dir} and remembers under {@code cp}. */
    public BlockJob retake(Path dir, Checkpoint cp) {
        return new BlockJob(script, index, characterImage, previous, dir, cp);
    }
}
