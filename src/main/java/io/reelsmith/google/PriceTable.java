package io.reelsmith.google;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What Google charges, in US dollars: the one place these figures live. Defaults are from Google's pricing page
 * as reported in November 2026 (see docs/google.md) and can be overridden by configuration.
 * Veo charges per second of generated video (an extension bills its 7 new seconds); the image model per image;
 * the script is one text call (≈ 2k input + 3k output tokens on gemini-2.5-pro ≈ $0.03).
 */
public record PriceTable(BigDecimal videoPerSecond, BigDecimal perImage, BigDecimal perScript) {
    /** $/s of Veo 720p/1080p output by model id; an unknown model falls back to the dearest. */
    public static final Map<String, BigDecimal> VEO_PER_SECOND = Map.of(
            "veo-3.1-generate-preview", new BigDecimal("0.40"),
            "veo-3.1-generate-001", new BigDecimal("0.40"),
            "veo-3.1-fast-generate-preview", new BigDecimal("0.15"),
            "veo-3.1-fast-generate-001", new BigDecimal("0.15"),
            "veo-3.1-lite-generate-preview", new BigDecimal("0.05"),
            "gemini-omni-1.1-flash", new BigDecimal("0.10")); // Omni: per delivered second, 720p with audio (notes §0)
    public static final BigDecimal UNKNOWN_VEO_PER_SECOND = new BigDecimal("0.40");
    public static final BigDecimal IMAGE = new BigDecimal("0.039");
    public static final BigDecimal SCRIPT = new BigDecimal("0.03");

    public static PriceTable forVideoModel(String videoModel) {
        return new PriceTable(VEO_PER_SECOND.getOrDefault(videoModel, UNKNOWN_VEO_PER_SECOND), IMAGE, SCRIPT);
    }
}
