package io.reelsmith.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Port: the video stage. A take is made block by block so that a durable pipeline can persist each block
 * (and, for a paid provider, each paid generation) before going on; then the blocks become one take.
 *
 * <p>How to add an adapter: implement {@link #makeBlock} so that it writes its clip under
 * {@link BlockJob#dir()} and returns it; record anything that must survive a crash (an operation id) in
 * {@link BlockJob#checkpoint()} <em>before</em> waiting on it, and look there first, so a second call after
 * a crash resumes instead of paying again. Then implement {@link #assemble}.
 * Adapters: {@code local.AnimaticMaker} (offline) and {@code google.VeoMaker}.
 */
public interface VideoMaker {
    /** Makes block {@code job.index()}; {@code job.previous()} is the result of the block before (null for the first). */
    BlockClip makeBlock(BlockJob job) throws IOException;

    /** Joins the finished blocks into the one continuous take the subtitle and render stages work on. */
    Take assemble(List<BlockClip> blocks, Path dir) throws IOException;

    /**
     * Up to {@code count} small PNG frames of a finished block, written in {@code dir}: what the drift check compares
     * with the character and the block's poster. By default cut from the block's video file ({@link BlockFrames}).
     */
    default List<Path> frames(BlockClip clip, int count, Path dir) throws IOException {
        return BlockFrames.cut(clip.file(), count, dir);
    }
}
