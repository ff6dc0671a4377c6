package io.reelsmith.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The emulator's per-surface Veo rules, on the request body alone (no server). */
class VeoWireRulesTest {
    static final String IMG = "{\"bytesBase64Encoded\":\"AA==\",\"mimeType\":\"image/png\"}";

    /** As our client asks on Agent Platform: with generateAudio true (Rule.VEO_AUDIO). */
    static String onVertex(JsonNode body) {
        ObjectNode withAudio = body.deepCopy();
        ((ObjectNode) withAudio.get("parameters")).put("generateAudio", true);
        return VeoWireRules.check(withAudio, true);
    }

    @Test
    void agentPlatformRequiresGenerateAudioAndTheGeminiApiRefusesIt() throws Exception {
        JsonNode none = new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":8}}");
        assertThat(VeoWireRules.check(none, true)).contains("generateAudio is required for Veo 3 models");
        assertThat(onVertex(none)).isNull();
        JsonNode silent = none.deepCopy();
        ((ObjectNode) silent.get("parameters")).put("generateAudio", false);
        assertThat(VeoWireRules.check(silent, true)).isNull(); // allowed: the clip comes back silent
        assertThat(VeoWireRules.withAudio(silent.path("parameters"))).isFalse();
        assertThat(VeoWireRules.withAudio(none.path("parameters"))).isTrue(); // the Gemini API: always sound
        ((ObjectNode) silent.get("parameters")).put("generateAudio", "yes");
        assertThat(VeoWireRules.check(silent, true)).contains("must be true or false");
        assertThat(VeoWireRules.check(none, false)).isNull();
        ((ObjectNode) silent.get("parameters")).put("generateAudio", true);
        assertThat(VeoWireRules.check(silent, false)).contains("`generateAudio` isn't supported");
    }

    @Test
    void agentPlatformTakesThePromptSeedAndQualityParametersItsReferenceListsAndTheGeminiApiRefusesThem()
            throws Exception {
        String listed = "{\"enhancePrompt\":false,\"seed\":4294967295,\"compressionQuality\":\"lossless\","
                + "\"sampleCount\":1,\"durationSeconds\":8}";
        assertThat(onVertex(textOnly(listed))).isNull();
        assertThat(VeoWireRules.check(textOnly(listed), false)).contains("`enhancePrompt` isn't supported");
        assertThat(VeoWireRules.check(textOnly("{\"seed\":1}"), false)).contains("`seed` isn't supported");
        assertThat(onVertex(textOnly("{\"seed\":-1}"))).contains("seed must be an integer from 0");
        assertThat(onVertex(textOnly("{\"seed\":\"7\"}"))).contains("seed must be an integer");
        assertThat(onVertex(textOnly("{\"enhancePrompt\":\"no\"}"))).contains("enhancePrompt must be true or false");
        assertThat(onVertex(textOnly("{\"compressionQuality\":\"best\"}"))).contains("optimized or lossless");
        assertThat(onVertex(textOnly("{\"sampleCount\":5}"))).contains("from 1 to 4");
        assertThat(onVertex(textOnly("{\"sampleCount\":2}"))).contains("not modelled by the emulator");
        assertThat(onVertex(textOnly("{\"numberOfVideos\":1}"))).contains("unknown name \"numberOfVideos\"");
        assertThat(onVertex(textOnly("{\"storageUri\":\"gs://b/\"}"))).contains("not modelled by the emulator");
    }

    static JsonNode textOnly(String parameters) throws Exception {
        return new ObjectMapper().readTree("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":" + parameters + "}");
    }

    static JsonNode body(int seconds) throws Exception {
        return new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\",\"image\":" + IMG + ",\"lastFrame\":" + IMG + "}],"
                        + "\"parameters\":{\"sampleCount\":1,\"durationSeconds\":" + seconds
                        + ",\"aspectRatio\":\"9:16\",\"resolution\":\"720p\"}}");
    }

    @Test
    void aFirstAndLastFrameClipLastsEightSecondsOnTheGeminiApiAndFourSixOrEightOnVertex() throws Exception {
        for (int s : new int[] {4, 6, 8})
            assertThat(onVertex(body(s))).as(s + " s on Vertex").isNull();
        assertThat(VeoWireRules.check(body(8), false)).isNull();
        assertThat(VeoWireRules.check(body(6), false)).contains("requires durationSeconds 8, not 6");
        assertThat(VeoWireRules.check(body(4), false)).contains("requires durationSeconds 8");
        assertThat(onVertex(body(5))).contains("4, 6 or 8"); // no Veo clip lasts 5 s at all
    }

    static JsonNode extension(String parameters) throws Exception {
        return new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\",\"video\":{\"uri\":\"gs://b/v.mp4\"}}],"
                        + "\"parameters\":" + parameters + "}");
    }

    @Test
    void anExtensionIsAskedAsEightSecondsOnTheGeminiApiAndSevenOnVertex() throws Exception {
        String seven = "{\"durationSeconds\":7,\"aspectRatio\":\"9:16\"}";
        String eight = "{\"durationSeconds\":8,\"aspectRatio\":\"9:16\"}";
        assertThat(onVertex(extension(seven))).isNull(); // what Google's Vertex notebook sends
        assertThat(onVertex(extension(eight))).contains("requires durationSeconds 7");
        assertThat(VeoWireRules.check(extension(eight), false)).isNull();
        assertThat(VeoWireRules.check(extension(seven), false)).contains("requires durationSeconds 8");
        String none = "{\"aspectRatio\":\"9:16\"}"; // Google's Vertex sample sends no durationSeconds
        assertThat(onVertex(extension(none))).isNull();
        assertThat(VeoWireRules.check(extension(none), false)).isNull();
        assertThat(onVertex(extension("{\"durationSeconds\":7,\"resolution\":\"1080p\"}")))
                .contains("only supported at 720p");
    }

    @Test
    void a1080pClipLastsEightSecondsOnTheGeminiApiAndFourSixOrEightOnVertex() throws Exception {
        JsonNode sixFullHd = new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\"}],"
                        + "\"parameters\":{\"durationSeconds\":6,\"resolution\":\"1080p\"}}");
        assertThat(onVertex(sixFullHd)).isNull(); // the notebook's 6 s 1080p clip
        assertThat(VeoWireRules.check(sixFullHd, false)).contains("1080p requires durationSeconds 8");
        JsonNode sixFourK = new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\"}],"
                        + "\"parameters\":{\"durationSeconds\":6,\"resolution\":\"4k\"}}");
        assertThat(onVertex(sixFourK)).contains("4k requires durationSeconds 8");
    }
}
