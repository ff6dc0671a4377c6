package io.reelsmith.money;

import io.reelsmith.google.CostEstimator;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Workspace;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Collection;

/**
 * What each step of a service video costs with its provider, from the google price table: the character image and
 * the script only when the video does not have them yet (the service writes both when it plans the video), each
 * block its seconds of Veo, subtitles and render nothing. The local provider is free.
 */
public final class StepPrices {
    private final GoogleConfig google;

    /** {@code google}: null reads the environment on first use (a server without google never needs it). */
    public StepPrices(GoogleConfig google) {
        this.google = google;
    }

    private GoogleConfig google() {
        return google != null ? google : GoogleConfig.fromEnv();
    }

    public BigDecimal step(String provider, String step, Workspace ws) {
        if (!"google".equals(provider)) return BigDecimal.ZERO;
        GoogleConfig g = google();
        return switch (step) {
            case Pipeline.CHARACTER -> Files.exists(ws.character()) ? BigDecimal.ZERO : g.prices().perImage();
            case Pipeline.SCRIPT -> Files.exists(ws.script()) ? BigDecimal.ZERO : g.prices().perScript();
            case Pipeline.SUBTITLES, Pipeline.RENDER -> BigDecimal.ZERO;
            default -> new CostEstimator(g).blockUsd(Integer.parseInt(step.substring("block-".length())) - 1);
        };
    }

    /** The price of the given steps (those a run still has to make). */
    public BigDecimal steps(String provider, Collection<String> steps, Workspace ws) {
        return steps.stream().map(s -> step(provider, s, ws)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
