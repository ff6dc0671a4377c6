package io.reelsmith.api;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.testkit.StandInStages;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test double of a provider ({@link StandInStages}) whose blocks are 1 s FFmpeg clips (colour + tone), made
 * afresh for each block, with evenly spread word times; the real renderer makes the final video.
 */
public final class FakeStages {
    public static Function<String, Stages> providers() {
        Stages s = StandInStages.around(new Video());
        return name -> {
            if (!name.equals("local"))
                throw new IllegalArgumentException("unknown provider '" + name + "' (known: local)");
            return s;
        };
    }

    static byte[] png() {
        return StandInStages.characterPng();
    }

    private static final class Video implements VideoMaker {
        @Override
        public BlockClip makeBlock(BlockJob job) throws IOException {
            Path out = job.dir().resolve(String.format("block-%02d.mp4", job.index() + 1));
            Ffmpeg.command()
                    .lavfi("color=c=0x3366aa:s=180x320:d=1:r=10")
                    .lavfi("sine=f=440:d=1")
                    .args("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest")
                    .output(out)
                    .run();
            return new BlockClip(
                    job.index(), out, 1.0, StandInStages.spreadWords(job.block().spokenText(), 1.0), Map.of());
        }

        @Override
        public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
            return StandInStages.concat(blocks, dir);
        }
    }
}
