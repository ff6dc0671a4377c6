package io.reelsmith.app.money;

import io.reelsmith.app.Provider;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.TakePlan;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * What the steps of a service video cost with its provider: the local provider is free, google's are its
 * {@link StepCosts} for a run (the character image and the script are paid when the video is planned).
 */
public final class StepPrices {
    private final Supplier<GoogleConfig> google;

    /** {@code google} is asked only when a paid step is priced (a server without google never needs it). */
    public StepPrices(Supplier<GoogleConfig> google) {
        this.google = google;
    }

    public BigDecimal step(String provider, int blocks, Step step) {
        return step(provider, blocks, TakePlan.CONTINUOUS, step);
    }

    /** A step's price in a video filmed with {@code plan} (a parallel block is a clip between keyframes; a keyframe one image). */
    public BigDecimal step(String provider, int blocks, TakePlan plan, Step step) {
        return Provider.isPaid(provider)
                ? StepCosts.ofRun(google.get(), blocks, plan).usd(step)
                : BigDecimal.ZERO;
    }

    /** The price of the given steps (those a run still has to make). */
    public BigDecimal steps(String provider, int blocks, Collection<? extends Step> steps) {
        return steps(provider, blocks, TakePlan.CONTINUOUS, steps);
    }

    public BigDecimal steps(String provider, int blocks, TakePlan plan, Collection<? extends Step> steps) {
        return Provider.isPaid(provider)
                ? StepCosts.ofRun(google.get(), blocks, plan).usd(steps)
                : BigDecimal.ZERO;
    }
}
