package io.reelsmith.api;

import io.reelsmith.pipeline.Stages;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Wraps a provider's video stage to count block calls and, on demand, fail the next ones (to test retries). */
final class Instrumented {
    final AtomicInteger blockCalls = new AtomicInteger();
    final AtomicInteger failBlocks = new AtomicInteger();
    private final Function<String, Stages> providers;

    Instrumented(Function<String, Stages> providers) {
        this.providers = providers;
    }

    Function<String, Stages> providers() {
        return name -> {
            Stages s = providers.apply(name);
            return new Stages(s.provider(), s.characters(), s.scripts(), new Counting(s.video()), s.wordTimer(), s.captionStyle(), s.renderer());
        };
    }

    private final class Counting implements VideoMaker {
        private final VideoMaker inner;

        Counting(VideoMaker inner) {
            this.inner = inner;
        }

        @Override
        public BlockClip makeBlock(BlockJob job) throws IOException {
            blockCalls.incrementAndGet();
            if (failBlocks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IOException("simulated provider outage");
            return inner.makeBlock(job);
        }

        @Override
        public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
            return inner.assemble(blocks, dir);
        }

        @Override
        public List<Path> frames(BlockClip clip, int count, Path dir) throws IOException {
            return inner.frames(clip, count, dir);
        }
    }
}
