package io.reelsmith.app;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.pipeline.Pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What making a video of n blocks costs on each back end, priced the way the budget check prices a start
 * ({@link StepPrices}: each block's seconds of video and its drift check), so an agent sees the price before it
 * pays anything. The local animatic is free; google is priced with the configured back end and with the other
 * surface's default (Veo on Vertex AI, Omni on an API key), which a change of settings would select.
 */
public final class PlanPrices {
    /** One back end's price; {@code unavailable}: why it cannot be priced here (then {@code usd} is null). */
    public record BackEnd(String provider, String backEnd, String model, BigDecimal usd, BigDecimal scriptUsd, boolean configured,
                          String unavailable) { }

    private PlanPrices() { }

    /** {@code google}: the service's google settings; {@code env}: where the other surface's defaults are read. */
    public static List<BackEnd> of(int blocks, Supplier<GoogleConfig> google, Map<String, String> env) {
        List<String> steps = Pipeline.steps(blocks);
        List<BackEnd> out = new ArrayList<>();
        out.add(new BackEnd("local", "animatic", "offline", BigDecimal.ZERO, BigDecimal.ZERO, true, null));
        GoogleConfig configured;
        try {
            configured = google.get();
        } catch (RuntimeException e) {
            out.add(new BackEnd("google", null, null, null, null, true, e.getMessage()));
            return out;
        }
        out.add(price(configured, steps, true));
        Map<String, String> other = new HashMap<>(env);
        other.put("REELSMITH_GOOGLE_VERTEX", String.valueOf(!configured.vertex()));
        other.keySet().removeAll(List.of("GOOGLE_GENAI_USE_VERTEXAI", "REELSMITH_GOOGLE_VIDEO_MODEL", "REELSMITH_GOOGLE_TEXT_MODEL",
                "REELSMITH_GOOGLE_IMAGE_MODEL"));
        try {
            out.add(price(GoogleConfig.fromEnv(other), steps, false));
        } catch (RuntimeException e) {
            out.add(new BackEnd("google", null, null, null, null, false, e.getMessage()));
        }
        return out;
    }

    private static BackEnd price(GoogleConfig c, List<String> steps, boolean configured) {
        BigDecimal usd = new StepPrices(() -> c).steps("google", steps).setScale(2, RoundingMode.UP);
        return new BackEnd("google", c.backend().id() + " on " + c.surface().label(), c.videoModel(), usd,
                c.prices().perScript(), configured, null);
    }
}
