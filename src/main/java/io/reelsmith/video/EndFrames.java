package io.reelsmith.video;

import java.nio.file.Path;

/**
 * The two keyframes a block of the parallel plan runs between: {@code first} (keyframe k, the block's first frame)
 * and {@code last} (keyframe k+1, its last frame, which is also the next block's first frame).
 */
public record EndFrames(Path first, Path last) {
    public EndFrames {
        if (first == null || last == null)
            throw new IllegalArgumentException("a block between keyframes needs both of them");
    }
}
