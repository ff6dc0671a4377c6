package io.reelsmith.app.money;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.Step;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What making a video of n blocks costs on each back end, priced the way the budget check prices a start
 * ({@link StepCosts} of a run: each block's seconds of video and its drift check), so an agent sees the price before it
 * pays anything. The local animatic is free; google is priced with the configured back end and with the other
 * surface's default (Veo on Vertex AI, Omni on an API key), which a change of settings would select.
 */
public final class PlanPrices {
    /** One back end's price; {@code unavailable}: why it cannot be priced here (then {@code usd} is null). */
    public record BackEnd(
            String provider,
            String backEnd,
            String model,
            BigDecimal usd,
            BigDecimal scriptUsd,
            boolean configured,
            String unavailable) {}

    private PlanPrices() {}

    /** {@code google}: the service's google settings; {@code otherSurface}: the same on the other surface, with its default models. */
    public static List<BackEnd> of(int blocks, Supplier<GoogleConfig> google, Supplier<GoogleConfig> otherSurface) {
        List<BackEnd> out = new ArrayList<>();
        out.add(new BackEnd("local", "animatic", "offline", BigDecimal.ZERO, BigDecimal.ZERO, true, null));
        GoogleConfig configured;
        try {
            configured = google.get();
        } catch (RuntimeException e) {
            out.add(new BackEnd("google", null, null, null, null, true, e.getMessage()));
            return out;
        }
        out.add(price(configured, blocks, true));
        try {
            out.add(price(otherSurface.get(), blocks, false));
        } catch (RuntimeException e) {
            out.add(new BackEnd("google", null, null, null, null, false, e.getMessage()));
        }
        return out;
    }

    private static BackEnd price(GoogleConfig c, int blocks, boolean configured) {
        BigDecimal usd = StepCosts.ofRun(c, blocks).usd(Step.all(blocks)).setScale(2, RoundingMode.UP);
        return new BackEnd(
                "google",
                c.backend().id() + " on " + c.surface().label(),
                c.videoModel(),
                usd,
                c.prices().perScript(),
                configured,
                null);
    }
}
