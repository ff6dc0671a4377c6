package io.reelsmith.video;

import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.script.Script;

import java.nio.file.Path;

/** Everything one block needs: the whole script (for context), which block, the character, the block before. */
public record BlockJob(Script script, int index, Path characterImage, BlockClip previous, Path dir, Checkpoint checkpoint) {
    public io.reelsmith.script.Block block() {
        return script.blocks().get(index);
    }
}
