package io.reelsmith.google;

/**
 * Gemini Omni Flash's limits that plan a take (notes §0; ai.google.dev/gemini-api/docs/omni and the Omni
 * cookbook notebook, checked 2026-12-03): a clip is 3–10 whole seconds; a continuation through
 * {@code previous_interaction_id} adds 3–10 s and a chain stacks to 40 s in all; at most 3 reference images
 * (the docs say up to 6, the notebook 3: we stay within both). To be read from the model catalogue once it exists.
 */
public record OmniLimits(String model, int minClipSeconds, int maxClipSeconds, double maxChainSeconds, int maxReferenceImages) {
    public static final String OMNI_FLASH = "gemini-omni-1.1-flash";

    public static boolean isOmni(String model) {
        return model != null && model.startsWith("gemini-omni-");
    }

    public static OmniLimits forModel(String model) {
        return new OmniLimits(model, 3, 10, 40, 3);
    }
}
