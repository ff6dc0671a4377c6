package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Veo 3.1's rules on a {@code predictLongRunning} body, each named by its {@link Rule} (sources there and in
 * docs/google.md). Each check returns the refusal message, or null when the request is fine.
 * Source-video checks (exists, Veo-made, not expired, ≤ 141 s) need the file store and live in the emulator.
 */
final class VeoWireRules {
    static final double MAX_SOURCE_SECONDS = 141, MAX_OUTPUT_SECONDS = 148, EXTENSION_SECONDS = 7;
    private static final List<String> REFUSED_PARAMETERS = List.of(
            "numberOfVideos", "enhancePrompt", "outputGcsUri", "fps", "seed", "pubsubTopic", "compressionQuality");
    /** The SDK's names for sampleCount and storageUri: on Agent Platform they never reach the wire. */
    private static final List<String> SDK_ONLY_NAMES = List.of("numberOfVideos", "outputGcsUri");
    /** Listed by Agent Platform, not modelled here: the emulator answers one inline video per request. */
    private static final List<String> NOT_MODELLED = List.of("storageUri", "pubsubTopic");

    private static final Set<Integer> DURATIONS = Set.of(4, 6, 8);

    private VeoWireRules() {}

    /** The kind of call: extend (has a video), interpolate (image + lastFrame), continue (a first frame) or generate. */
    static String kind(JsonNode instance) {
        if (instance.has("video")) return "extend";
        if (instance.has("lastFrame")) return "interpolate";
        if (instance.has("image")) return "continue";
        return "generate";
    }

    private static String geminiApiParameters(JsonNode p) {
        for (String name : REFUSED_PARAMETERS)
            if (p.has(name)) return Rule.VEO_PARAMETERS.refuse("`" + name + "` isn't supported by this model.");
        if (p.has("generateAudio")) return Rule.VEO_PARAMETERS.refuse("`generateAudio` isn't supported by this model.");
        if (p.has("sampleCount") && p.get("sampleCount").asInt() != 1)
            return Rule.VEO_PARAMETERS.refuse("sampleCount must be 1 for this model.");
        return null;
    }

    private static String vertexParameters(JsonNode p) {
        for (String name : SDK_ONLY_NAMES)
            if (p.has(name))
                return Rule.VEO_VERTEX_PARAMETERS.refuse("Invalid JSON payload: unknown name \"" + name + "\"");
        for (String name : NOT_MODELLED)
            if (p.has(name)) return Rule.VEO_VERTEX_PARAMETERS.refuse("`" + name + "` is not modelled by the emulator");
        if (p.has("generateAudio") && !p.get("generateAudio").isBoolean())
            return Rule.VEO_AUDIO.refuse("generateAudio must be true or false, not " + p.get("generateAudio"));
        if (p.has("enhancePrompt") && !p.get("enhancePrompt").isBoolean())
            return Rule.VEO_VERTEX_PARAMETERS.refuse(
                    "enhancePrompt must be true or false, not " + p.get("enhancePrompt"));
        JsonNode seed = p.path("seed");
        if (!seed.isMissingNode() && (!seed.isIntegralNumber() || seed.asLong() < 0 || seed.asLong() > 4294967295L))
            return Rule.VEO_VERTEX_PARAMETERS.refuse("seed must be an integer from 0 to 4294967295, not " + seed);
        String quality = p.path("compressionQuality").asText("optimized");
        if (!Set.of("optimized", "lossless").contains(quality.toLowerCase(Locale.ROOT)))
            return Rule.VEO_VERTEX_PARAMETERS.refuse(
                    "compressionQuality must be optimized or lossless, not " + quality);
        int samples = p.path("sampleCount").asInt(1);
        if (samples < 1 || samples > 4)
            return Rule.VEO_VERTEX_PARAMETERS.refuse("sampleCount must be from 1 to 4, not " + samples);
        if (samples > 1) // Google answers that many videos (billed each); the emulator makes one a request
        return Rule.VEO_VERTEX_PARAMETERS.refuse("sampleCount " + samples + " is not modelled by the emulator");
        return null;
    }

    static String check(JsonNode body) {
        return check(body, false);
    }

    /** {@code vertex}: Vertex AI also takes the source video as bytes (bytesBase64Encoded + mimeType). */
    static String check(JsonNode body, boolean vertex) {
        JsonNode instances = body.path("instances");
        if (!instances.isArray() || instances.size() != 1)
            return Rule.VEO_PARAMETERS.refuse("instances must hold exactly one instance");
        JsonNode in = instances.get(0), p = body.path("parameters");
        String parameters = vertex ? vertexParameters(p) : geminiApiParameters(p);
        if (parameters != null) return parameters;

        JsonNode dur = p.path("durationSeconds");
        if (!dur.isMissingNode() && !dur.isIntegralNumber())
            return Rule.VEO_DURATION.refuse("durationSeconds must be a number, not " + dur);
        boolean extension = in.has("video");
        // An extension without durationSeconds is asked as the surface's (Google's Vertex sample sends none).
        int seconds = dur.isMissingNode() ? (extension ? extensionSeconds(vertex) : 8) : dur.asInt();
        if (!extension && !DURATIONS.contains(seconds))
            return Rule.VEO_DURATION.refuse("durationSeconds must be 4, 6 or 8, not " + seconds);
        String resolution = p.path("resolution").asText("720p");
        if (!Set.of("720p", "1080p", "4k").contains(resolution))
            return Rule.VEO_RESOLUTION.refuse("resolution must be 720p, 1080p or 4k, not " + resolution);
        if (!extension && resolution.equals("4k") && seconds != 8)
            return Rule.VEO_RESOLUTION.refuse("4k requires durationSeconds 8.");
        if (!extension && resolution.equals("1080p") && !fullHdSeconds(vertex).contains(seconds))
            return Rule.VEO_RESOLUTION.refuse("1080p requires durationSeconds 8.");
        String aspect = p.path("aspectRatio").asText("16:9");
        if (!Set.of("16:9", "9:16").contains(aspect))
            return Rule.VEO_ASPECT.refuse("aspectRatio must be 16:9 or 9:16, not " + aspect);

        String prompt = in.path("prompt").asText("");
        for (String f : List.of("image", "lastFrame")) {
            if (in.has(f)) {
                String err = imageError(f, in.get(f));
                if (err != null) return err;
            }
        }
        if (in.has("lastFrame") && !in.has("image"))
            return Rule.VEO_IMAGES.refuse("lastFrame requires image (the first frame).");
        List<Integer> firstLast = firstLastSeconds(vertex);
        if (in.has("lastFrame") && !firstLast.contains(seconds))
            return Rule.VEO_FIRST_LAST.refuse("A video between a first and a last frame requires durationSeconds "
                    + (vertex ? "4, 6 or 8" : "8") + ", not " + seconds + ".");
        if (in.has("referenceImages")) {
            JsonNode refs = in.get("referenceImages");
            if (!refs.isArray() || refs.isEmpty())
                return Rule.VEO_REFERENCES.refuse("referenceImages must be a non-empty list.");
            if (refs.size() > 3)
                return Rule.VEO_REFERENCES.refuse("At most 3 reference images are supported, got " + refs.size() + ".");
            for (JsonNode r : refs) {
                String type = r.path("referenceType").asText("").toLowerCase(Locale.ROOT);
                if (!type.equals("asset"))
                    return Rule.VEO_REFERENCES.refuse("referenceType '"
                            + r.path("referenceType").asText() + "' isn't supported by this model; use asset.");
                String err = imageError("referenceImages.image", r.path("image"));
                if (err != null) return err;
            }
            if (in.has("image") || in.has("video") || in.has("lastFrame"))
                return Rule.VEO_REFERENCES.refuse("referenceImages cannot be combined with image, video or lastFrame.");
            if (prompt.isBlank()) return Rule.VEO_REFERENCES.refuse("referenceImages require a prompt.");
            if (seconds != 8) return Rule.VEO_REFERENCES.refuse("referenceImages require durationSeconds 8.");
        }
        if (in.has("video")) {
            JsonNode v = in.get("video");
            if (in.has("image")) return Rule.VEO_EXTENSION_REQUEST.refuse("video and image cannot be combined.");
            boolean byUri = v.hasNonNull("uri") && v.size() == 1;
            boolean byBytes = vertex && v.hasNonNull("bytesBase64Encoded");
            if (!byUri && !byBytes)
                return Rule.VEO_EXTENSION_REQUEST.refuse(
                        "video must be given as {\"uri\": …} of a Veo-generated video; bytes aren't supported.");
            if (!resolution.equals("720p"))
                return Rule.VEO_EXTENSION_REQUEST.refuse("Extension is only supported at 720p.");
            if (seconds != extensionSeconds(vertex))
                return Rule.VEO_EXTENSION_REQUEST.refuse("Extension requires durationSeconds "
                        + extensionSeconds(vertex) + " (it adds 7 s), not " + seconds + ".");
        }
        if (prompt.isBlank() && !in.has("image")) return Rule.VEO_PROMPT.refuse("A prompt is required.");
        if (vertex && !p.has("generateAudio"))
            return Rule.VEO_AUDIO.refuse("generateAudio is required for Veo 3 models; set it to true or false.");
        return null;
    }

    /** Whether the clip gets its sound ({@link Rule#VEO_AUDIO}): on Agent Platform as asked; on the Gemini API always. */
    static boolean withAudio(JsonNode parameters) {
        return parameters.path("generateAudio").asBoolean(true);
    }

    /** The first-and-last-frame lengths per surface ({@link Rule#VEO_FIRST_LAST}): the Gemini API 8 s, Vertex AI 4, 6 or 8 s. */
    static List<Integer> firstLastSeconds(boolean vertex) {
        return vertex ? List.of(4, 6, 8) : List.of(8);
    }

    /**
     * An extension's durationSeconds per surface ({@link Rule#VEO_EXTENSION_REQUEST}): the Gemini API 8 (its docs),
     * Agent Platform 7 (Google's Vertex notebook and extend page; for veo-3.1-generate-001 inferred).
     */
    static int extensionSeconds(boolean vertex) {
        return vertex ? 7 : 8;
    }

    /** A 1080p clip's lengths per surface ({@link Rule#VEO_RESOLUTION}): the Gemini API 8 s, Agent Platform 4, 6 or 8 s. */
    static List<Integer> fullHdSeconds(boolean vertex) {
        return vertex ? List.of(4, 6, 8) : List.of(8);
    }

    private static String imageError(String field, JsonNode image) {
        if (image.has("inlineData"))
            return Rule.VEO_IMAGES.refuse(
                    "`inlineData` isn't supported by this model; send " + field + ".bytesBase64Encoded.");
        if (!image.hasNonNull("bytesBase64Encoded") && !image.hasNonNull("gcsUri"))
            return Rule.VEO_IMAGES.refuse(field + " has no bytesBase64Encoded.");
        return null;
    }
}
