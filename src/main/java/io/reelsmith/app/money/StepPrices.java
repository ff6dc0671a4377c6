package io.reelsmith.app.money;

import io.reelsmith.app.Provider;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.Step;

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
        return Provider.isPaid(provider) ? StepCosts.ofRun(google.get(), blocks).usd(step) : BigDecimal.ZERO;
    }

    /** The price of the given steps (those a run still has to make). */
    public BigDecimal steps(String provider, int blocks, Collection<? extends Step> steps) {
        return Provider.isPaid(provider) ? StepCosts.ofRun(google.get(), blocks).usd(steps) : BigDecimal.ZERO;
    }
}
