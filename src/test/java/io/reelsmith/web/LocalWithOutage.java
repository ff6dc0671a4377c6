package io.reelsmith.web;

import io.reelsmith.app.ProviderRegistry;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The real "local" provider (portrait painter, offline script writer, animatic, subtitles, final render), with
 * one test hook: a block whose dialogue contains {@link #FAIL_ONCE} fails on its first try in each video, as a
 * provider outage would, so the browser test can show a failure and its retry.
 */
final class LocalWithOutage {
    static final String FAIL_ONCE = "thunderstorm";
    static final String OUTAGE = "simulated provider outage";

    private LocalWithOutage() { }

    static Function<String, Stages> providers() {
        return name -> {
            Stages real = new ProviderRegistry().stages(name, ProviderRegistry.JobContext.of(io.reelsmith.subtitle.CaptionStyle.SHORTS));
            return new Stages(real.provider(), real.characters(), real.scripts(), new FailOnce(real.video()), real.wordTimer(),
                    real.captionStyle(), real.renderer());
        };
    }

    private record FailOnce(VideoMaker real) implements VideoMaker {
        private static final Set<Path> failed = ConcurrentHashMap.newKeySet(); // block directories that failed once

        @Override
        public BlockClip makeBlock(BlockJob job) throws IOException {
            if (job.block().spokenText().contains(FAIL_ONCE) && failed.add(job.dir().resolve("block-" + job.index())))
                throw new IOException(OUTAGE);
            return real.makeBlock(job);
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
}
