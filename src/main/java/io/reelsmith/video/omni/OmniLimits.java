package io.reelsmith.video.omni;

import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.Surface;
import java.util.List;

/**
 * Gemini Omni Flash's limits that a request is checked against, from the model catalogue ({@link GoogleModels}): the
 * clip lengths it makes (3–10 whole seconds for 1.1, 3–15 for 1.2), how many reference images a request may carry,
 * and how it extends a video on this surface (null where it does not).
 */
public record OmniLimits(
        String model, List<Integer> clipSeconds, int maxReferenceImages, GoogleModels.Extension extension) {
    public static final String OMNI_FLASH = "gemini-omni-1.1-flash", OMNI_FLASH_VERTEX = "gemini-omni-1.2-flash";

    public static OmniLimits of(GoogleModels.Model m, Surface surface) {
        if (m.limits().clipSeconds().isEmpty())
            throw new IllegalArgumentException("the model catalogue gives no clip lengths for " + m.id());
        int refs = m.limits().maxReferenceImages() == null ? 0 : m.limits().maxReferenceImages();
        return new OmniLimits(
                m.id(), m.limits().clipSeconds(), refs, m.extension(surface).orElse(null));
    }
}
