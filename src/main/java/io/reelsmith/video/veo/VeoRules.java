package io.reelsmith.video.veo;

import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.Surface;
import java.util.List;
import java.util.Set;

/**
 * Veo 3.1's rules (Gemini API docs, Nov 2026; where Vertex AI differs, Google's Vertex material), checked before a
 * request is sent so a doomed request never reaches Google: durations 4/6/8 s; 4k only at 8 s, 1080p only at 8 s on
 * the Gemini API ({@link #fullHdSeconds}); ≤ 3 asset reference images, only with a prompt, at 8 s, not with
 * image/video/lastFrame; lastFrame needs image, and a first-and-last-frame clip lasts 8 s on the Gemini API but 4, 6
 * or 8 s on Vertex AI ({@link #firstLastSeconds}); extension only at 720p, requested as 8 s on the Gemini API and 7 s
 * on Vertex AI ({@link #extensionRequestSeconds}), of a Veo video ≤ 141 s, giving ≤ 148 s; aspect 16:9 or 9:16; a
 * prompt unless there is a first frame. On Vertex AI the model's extend rule in the catalogue ({@link GoogleModels})
 * brings its own input limit (1 to 30 s).
 */
public final class VeoRules {
    public static final double EXTENSION_SECONDS = 7, MAX_SOURCE_SECONDS = 141, MAX_OUTPUT_SECONDS = 148;
    public static final int MAX_REFERENCE_IMAGES = 3, MAX_EXTENSIONS = 20;
    private static final Set<Integer> DURATIONS = Set.of(4, 6, 8);

    /**
     * The lengths of a clip between a first and a last frame, per surface. The Gemini API: 8 s only ("Must be "8" when
     * using extension or interpolation", https://ai.google.dev/gemini-api/docs/video, google-genai-notes section 4).
     * Vertex AI: 4, 6 or 8 s (Google's Vertex notebook for veo-3.1-generate-001, "Frame interpolation … Video
     * duration: Can be 4, 6, or 8 seconds", with a 6 s example: github.com/GoogleCloudPlatform/generative-ai
     * vision/getting-started/veo3_advanced_controls.ipynb; the Vertex API reference gives Veo 3 durations 4, 6 or 8
     * with no exception for a lastFrame).
     */
    public static List<Integer> firstLastSeconds(boolean vertex) {
        return vertex ? List.of(4, 6, 8) : List.of(8);
    }

    /**
     * The durationSeconds an extension is requested with, per surface; it adds 7 s on both (billed: the 7 s). The
     * Gemini API: 8 ("Must be "8" when using extension or interpolation", https://ai.google.dev/gemini-api/docs/video,
     * google-genai-notes section 4). Vertex AI: 7, what Google's Vertex notebook sends ("Video duration: You can
     * extend your video by 7 seconds", duration_seconds=7 on a vertexai client: github.com/GoogleCloudPlatform/
     * generative-ai vision/getting-started/veo3_advanced_controls.ipynb) and what the extend page says a Veo video
     * grows by ("can be extended by 7 seconds (up to 37 seconds total)", docs.cloud.google.com/
     * gemini-enterprise-agent-platform/models/video/extend-videos). Inferred: the notebook extends with
     * veo-3.1-generate-preview; that veo-3.1-generate-001 takes the same 7 is assumed.
     */
    public static int extensionRequestSeconds(boolean vertex) {
        return vertex ? 7 : 8;
    }

    /**
     * The lengths of a 1080p clip, per surface. The Gemini API: 8 s only (google-genai-notes section 4). Vertex AI:
     * 4, 6 or 8 s (Google's Vertex notebook films a 1080p first-and-last-frame clip of 6 s on veo-3.1-generate-001,
     * veo3_advanced_controls.ipynb). 4k stays 8 s only on both (on Vertex AI the Gemini API's rule, assumed).
     */
    public static List<Integer> fullHdSeconds(boolean vertex) {
        return vertex ? List.of(4, 6, 8) : List.of(8);
    }

    private VeoRules() {}

    /** The Gemini API's rules. */
    public static VeoRequest check(VeoRequest r) {
        return check(r, false);
    }

    /** {@code vertex}: Vertex AI also takes the source video as bytes. */
    public static VeoRequest check(VeoRequest r, boolean vertex) {
        return check(r, vertex, GoogleModels.builtIn());
    }

    /** With the catalogue the configuration reads (an operator's copy may list a model's own limits). */
    public static VeoRequest check(VeoRequest r, boolean vertex, GoogleModels catalogue) {
        if (r.model() == null || r.model().isBlank()) fail("no Veo model id is configured");
        // an extension's length has its own rule, below
        if (!r.isExtension() && !DURATIONS.contains(r.durationSeconds()))
            fail("Veo clips last 4, 6 or 8 s, not " + r.durationSeconds());
        if (!Set.of("720p", "1080p", "4k").contains(r.resolution()))
            fail("Veo resolutions are 720p, 1080p or 4k, not " + r.resolution());
        if (!r.isExtension() && r.resolution().equals("4k") && r.durationSeconds() != 8)
            fail("4k requires an 8 s clip");
        if (!r.isExtension()
                && r.resolution().equals("1080p")
                && !fullHdSeconds(vertex).contains(r.durationSeconds()))
            fail("1080p requires an 8 s clip on the Gemini API, not " + r.durationSeconds() + " s");
        if (!Set.of("16:9", "9:16").contains(r.aspectRatio()))
            fail("Veo aspect ratios are 16:9 or 9:16, not " + r.aspectRatio());
        boolean hasPrompt = r.prompt() != null && !r.prompt().isBlank();
        if (!hasPrompt && r.image() == null) fail("a Veo request needs a prompt (or a first frame)");
        if (r.lastFrame() != null && r.image() == null) fail("a last frame needs a first frame (image)");
        if (r.lastFrame() != null && !firstLastSeconds(vertex).contains(r.durationSeconds()))
            fail("interpolation between first and last frame lasts "
                    + (vertex ? "4, 6 or 8 s on Vertex AI" : "8 s on the Gemini API") + ", not " + r.durationSeconds()
                    + " s");
        if (!r.referenceImages().isEmpty()) {
            if (r.referenceImages().size() > MAX_REFERENCE_IMAGES)
                fail("Veo takes at most 3 reference images, not "
                        + r.referenceImages().size());
            if (r.image() != null || r.lastFrame() != null || r.isExtension())
                fail("reference images cannot be combined with a first/last frame or a source video");
            if (!hasPrompt) fail("reference images need a prompt");
            if (r.durationSeconds() != 8) fail("reference images require an 8 s clip");
        }
        if (r.isExtension()) {
            if (r.image() != null) fail("an extension cannot also have a first frame");
            if (!r.resolution().equals("720p")) fail("Veo extends videos only at 720p, not " + r.resolution());
            if (r.sourceVideoBytes() != null) {
                if (!vertex) fail("the Gemini API extends a video only by its uri, not by its bytes");
            } else if (!r.sourceVideoUri().startsWith("https://")
                    && !r.sourceVideoUri().startsWith("gs://")) {
                fail("an extension's source must be the uri of a Veo-generated video, not " + r.sourceVideoUri());
            }
            int asked = extensionRequestSeconds(vertex);
            if (r.durationSeconds() != asked)
                fail("an extension is requested as " + asked + " s on " + (vertex ? "Vertex AI" : "the Gemini API")
                        + " (it adds 7 s), not " + r.durationSeconds() + " s");
            double maxSource = maxSourceSeconds(catalogue, r.model(), vertex);
            if (r.sourceSeconds() > maxSource + 0.5)
                fail(r.model() + " extends videos of at most " + (int) maxSource + " s; this one is "
                        + r.sourceSeconds() + " s");
            if (r.sourceSeconds() + EXTENSION_SECONDS > MAX_OUTPUT_SECONDS + 0.5)
                fail("the extended video would exceed 148 s");
        }
        return r;
    }

    /** On Vertex AI the catalogue's extend rule for the model (1 to 30 s), else the Gemini API's 141 s. */
    static double maxSourceSeconds(GoogleModels catalogue, String model, boolean vertex) {
        if (!vertex) return MAX_SOURCE_SECONDS;
        return catalogue
                .find(model)
                .flatMap(m -> m.extension(Surface.VERTEX))
                .map(GoogleModels.Extension::maxInputSeconds)
                .orElse(MAX_SOURCE_SECONDS);
    }

    private static void fail(String message) {
        throw new VeoRuleException(message);
    }
}
