package io.reelsmith.testkit;

import io.reelsmith.pipeline.Stages;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A provider's video stage whose block making a test wraps (to count blocks, or fail some as an outage would);
 * assembling the take and cutting frames go to the real stage untouched, so what is tested stays the real thing.
 */
public record InterceptedVideo(VideoMaker real, MakeBlock makeBlock) implements VideoMaker {
    /** Makes one block, usually by calling {@code real.makeBlock(job)} before or after the test's own step. */
    public interface MakeBlock {
        BlockClip make(VideoMaker real, BlockJob job) throws IOException;
    }

    /** The same stages (drift check included) with their video stage wrapped. */
    public static Stages around(Stages s, MakeBlock makeBlock) {
        return new Stages(
                s.provider(),
                s.characters(),
                s.scripts(),
                new InterceptedVideo(s.video(), makeBlock),
                s.wordTimer(),
                s.captionStyle(),
                s.renderer(),
                s.drift(),
                null);
    }

    @Override
    public BlockClip makeBlock(BlockJob job) throws IOException {
        return makeBlock.make(real, job);
    }

    @Override
    public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
        return real.assemble(blocks, dir);
    }

    @Override
    public List<Path> frames(BlockClip clip, int count, Path dir) throws IOException {
        return real.frames(clip, count, dir);
    }
}
