package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.google.GoogleModels;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gemini Omni Flash's rules for one interaction's body, each named by its {@link Rule}, with the figures of the model
 * catalogue ({@link GoogleModels}, the same the client plans with): a video {@code response_format}, 9:16 or 16:9, a
 * known resolution; a new clip of one of the model's lengths (3–10 whole seconds for 1.1, 3–15 for 1.2); at most its
 * reference images. What an extension may add and answer is the model's extend rule ({@link ModelGate#extensionProblem}).
 * Returns the first broken rule as Google would word it, or null.
 */
final class OmniWireRules {
    static final Set<String> TASKS = Set.of("text_to_video", "image_to_video", "reference_to_video", "extend");
    private static final Pattern DURATION = Pattern.compile("(\\d+)s");

    private static GoogleModels.Limits limits(String model) {
        return GoogleModels.builtIn()
                .find(model)
                .map(GoogleModels.Model::limits)
                .orElseThrow();
    }

    private OmniWireRules() {}

    static boolean isOmni(String model) {
        return GoogleModels.builtIn()
                .find(model)
                .map(m -> m.kindEnum() == GoogleModels.Kind.OMNI)
                .orElse(false);
    }

    /** Seconds asked for, or -1 when {@code duration} is not "Ns". */
    static int seconds(JsonNode format) {
        Matcher m = DURATION.matcher(format.path("duration").asText("8s"));
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String task(JsonNode body) {
        String t =
                body.path("generation_config").path("video_config").path("task").asText("");
        if (!t.isEmpty()) return t;
        if (body.hasNonNull("previous_interaction_id")) return "extend";
        return images(body) > 0 ? "reference_to_video" : "text_to_video";
    }

    static int images(JsonNode body) {
        int n = 0;
        for (JsonNode c : body.path("input")) if (c.path("type").asText().equals("image")) n++;
        return n;
    }

    /**
     * An image_to_video request with a second image: Google's Omni notebook (GoogleCloudPlatform/generative-ai,
     * vision/getting-started/gemini_omni_1_1_flash_video_gen.ipynb, "Interpolation") says the first image becomes the
     * opening frame and "providing a second image is what tells the model to interpolate toward that ending frame".
     */
    static boolean hasLastFrame(JsonNode body) {
        return task(body).equals("image_to_video") && images(body) >= 2;
    }

    /**
     * References: every image, except the first (and last) frame of an image-to-video request. That images after the
     * last frame are references is inferred (Google's pages show first-and-last-frame requests with two images only).
     */
    static int referenceImages(JsonNode body) {
        int frames = !task(body).equals("image_to_video") ? 0 : hasLastFrame(body) ? 2 : 1;
        return Math.max(0, images(body) - frames);
    }

    static String check(JsonNode body) {
        String model = body.path("model").asText("");
        if (!isOmni(model))
            return Rule.OMNI_FORMAT.refuse("Model " + model + " does not generate video through the Interactions API.");
        JsonNode format = body.path("response_format");
        if (!format.path("type").asText("").equals("video"))
            return Rule.OMNI_FORMAT.refuse("response_format.type must be \"video\" for " + model + ".");
        String aspect = format.path("aspect_ratio").asText("16:9");
        if (!aspect.equals("9:16") && !aspect.equals("16:9"))
            return Rule.OMNI_FORMAT.refuse("aspect_ratio " + aspect + " is not supported; use 16:9 or 9:16.");
        String resolution = format.path("resolution").asText("720p");
        if (!Set.of("360p", "720p", "1080p", "4k").contains(resolution))
            return Rule.OMNI_FORMAT.refuse("resolution " + resolution + " is not supported.");
        String delivery = format.path("delivery").asText("inline");
        if (!delivery.equals("inline") && !delivery.equals("uri"))
            return Rule.OMNI_FORMAT.refuse("delivery must be inline or uri, not " + delivery + ".");
        GoogleModels.Limits limits = limits(model);
        List<Integer> clips = limits.clipSeconds();
        int s = seconds(format);
        String task = task(body);
        if (!task.equals("extend") && !clips.contains(s)) {
            return Rule.OMNI_CLIP_LENGTH.refuse(
                    "duration " + format.path("duration").asText() + " is not supported: a clip is " + clips.get(0)
                            + " to " + clips.get(clips.size() - 1) + " whole seconds (\"8s\").");
        }
        if (task.equals("extend") && s < 0)
            return Rule.OMNI_EXTEND_SECONDS.refuse(
                    "duration " + format.path("duration").asText() + " is not whole seconds (\"7s\").");
        if (!TASKS.contains(task)) return Rule.OMNI_TASK.refuse("video_config.task " + task + " is not supported.");
        boolean hasText = false;
        for (JsonNode c : body.path("input"))
            hasText |= c.path("type").asText().equals("text")
                    && !c.path("text").asText("").isBlank();
        if (body.path("input").isTextual())
            hasText = !body.path("input").asText().isBlank();
        if (!hasText) return Rule.OMNI_FORMAT.refuse("input must contain a text prompt.");
        int maxRefs = limits.maxReferenceImages() == null ? 0 : limits.maxReferenceImages();
        if (referenceImages(body) > maxRefs)
            return Rule.OMNI_REFERENCES.refuse(
                    referenceImages(body) + " reference images were sent; at most " + maxRefs + " are supported.");
        if (task.equals("image_to_video") && images(body) == 0)
            return Rule.OMNI_TASK.refuse("image_to_video needs an image (the first frame) in input.");
        if (hasLastFrame(body) && !Boolean.TRUE.equals(limits.interpolation()))
            return Rule.OMNI_FIRST_LAST.refuse(model + " does not make a clip between a first and a last frame.");
        if (task.equals("extend") && !body.hasNonNull("previous_interaction_id"))
            return Rule.OMNI_EXTEND_PREVIOUS.refuse("extend needs previous_interaction_id.");
        if (!task.equals("extend") && body.hasNonNull("previous_interaction_id"))
            return Rule.OMNI_EXTEND_PREVIOUS.refuse(
                    "previous_interaction_id is only used to extend a video (task extend).");
        return null;
    }
}
