package io.reelsmith.video.omni;

import io.reelsmith.google.GoogleModels;
import java.util.List;

/**
 * Gemini Omni Flash's limits that plan a take, from the model catalogue ({@link GoogleModels}): the clip lengths
 * it makes (3–10 whole seconds for 1.1), the most seconds a continuation chain ({@code previous_interaction_id})
 * may stack to (40 s), and how many reference images a request may carry.
 */
public record OmniLimits(String model, int minClipSeconds, int maxClipSeconds, double maxChainSeconds, int maxReferenceImages) {
    public static final String OMNI_FLASH = "gemini-omni-1.1-flash";

    public static OmniLimits of(GoogleModels.Model m) {
        List<Integer> clips = m.limits().clipSeconds();
        if (clips.isEmpty() || m.limits().maxContinuationTotalSeconds() == null) {
            throw new IllegalArgumentException("the model catalogue gives no clip lengths or continuation limit for " + m.id());
        }
        int refs = m.limits().maxReferenceImages() == null ? 0 : m.limits().maxReferenceImages();
        return new OmniLimits(m.id(), clips.stream().min(Integer::compare).orElseThrow(), clips.stream().max(Integer::compare).orElseThrow(),
                m.limits().maxContinuationTotalSeconds(), refs);
    }
}
