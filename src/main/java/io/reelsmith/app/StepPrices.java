package io.reelsmith.app;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.video.DriftGuard;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * What each step of a service video costs with its provider, from the google price table: each block its seconds
 * of video; the character image and the script nothing (the service makes both when it plans the video, and
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
        if (!ProviderRegistry.isPaid(provider)) return BigDecimal.ZERO;
        return switch (step) {
            case Pipeline.CHARACTER, Pipeline.SCRIPT, Pipeline.SUBTITLES, Pipeline.RENDER -> BigDecimal.ZERO;
            // a retake ("block-2.retake", the drift check's second try) costs what its block costs
            default -> new CostEstimator(google()).blockUsd(Integer.parseInt(step.substring("block-".length()).replace(DriftGuard.RETAKE, "")) - 1);
        };
    }

    /** The price of the given steps (those a run still has to make). */
    public BigDecimal steps(String provider, Collection<String> steps) {
        return steps.stream().map(s -> step(provider, s)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
