package io.reelsmith.app;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.StepNames;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.video.DriftGuard;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * What each step of a service video costs with its provider, from the google price table: each block its seconds
 * of video (in the parallel plan, its clip between keyframes), each keyframe one image; the character image and the script nothing (the service makes both when it plans the video, and
 * records that spend then), subtitles and render nothing; a block includes its drift check. The local provider is free.
 */
public final class StepPrices {
    private final Supplier<GoogleConfig> google;

    /** {@code google} is asked only when a paid step is priced (a server without google never needs it). */
    public StepPrices(Supplier<GoogleConfig> google) {
        this.google = google;
    }

    private GoogleConfig google() {
        return google.get();
    }

    public BigDecimal step(String provider, String step) {
        return step(provider, TakePlan.CONTINUOUS, step);
    }

    /** A step's price in a video filmed with {@code plan} (a parallel block is a clip between keyframes; a keyframe one image). */
    public BigDecimal step(String provider, TakePlan plan, String step) {
        if (!ProviderRegistry.isPaid(provider)) return BigDecimal.ZERO;
        if (StepNames.isKeyframe(step)) return new CostEstimator(google()).keyframeUsd();
        return switch (step) {
            case Pipeline.CHARACTER, Pipeline.SCRIPT, Pipeline.SUBTITLES, Pipeline.RENDER -> BigDecimal.ZERO;
            // a retake ("block-2.retake", the drift check's second try) costs what its block costs
            default -> new CostEstimator(google()).blockUsd(Integer.parseInt(step.substring("block-".length()).replace(DriftGuard.RETAKE, "")) - 1, plan);
        };
    }

    /** The price of the given steps (those a run still has to make). */
    public BigDecimal steps(String provider, Collection<String> steps) {
        return steps(provider, TakePlan.CONTINUOUS, steps);
    }

    public BigDecimal steps(String provider, TakePlan plan, Collection<String> steps) {
        return steps.stream().map(s -> step(provider, plan, s)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
