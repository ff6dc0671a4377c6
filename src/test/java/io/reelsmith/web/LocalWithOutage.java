package io.reelsmith.web;

import io.reelsmith.pipeline.Stages;
import io.reelsmith.testkit.FastLocal;
import io.reelsmith.testkit.InterceptedVideo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The real "local" provider (portrait painter, offline script writer, animatic, subtitles, final render at its
 * fastest settings: {@link FastLocal}), with
 * one test hook: a block whose dialogue contains {@link #FAIL_ONCE} fails on its first try in each video, as a
 * provider outage would, so the browser test can show a failure and its retry.
 */
final class LocalWithOutage {
    static final String FAIL_ONCE = "thunderstorm";
    static final String OUTAGE = "simulated provider outage";

    private LocalWithOutage() {}

    static Function<String, Stages> providers() {
        Set<Path> failed = ConcurrentHashMap.newKeySet(); // block directories that failed once
        return name -> InterceptedVideo.around(FastLocal.stages(name), (real, job) -> {
            if (job.block().spokenText().contains(FAIL_ONCE)
                    && failed.add(job.dir().resolve("block-" + job.index()))) throw new IOException(OUTAGE);
            return real.makeBlock(job);
        });
    }
}
