package io.reelsmith.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The emulator's per-surface Veo rules, on the request body alone (no server). */
class VeoWireRulesTest {
    static final String IMG = "{\"bytesBase64Encoded\":\"AA==\",\"mimeType\":\"image/png\"}";

    static JsonNode body(int seconds) throws Exception {
        return new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\",\"image\":" + IMG + ",\"lastFrame\":" + IMG + "}],"
                        + "\"parameters\":{\"sampleCount\":1,\"durationSeconds\":" + seconds
                        + ",\"aspectRatio\":\"9:16\",\"resolution\":\"720p\"}}");
    }

    @Test
    void aFirstAndLastFrameClipLastsEightSecondsOnTheGeminiApiAndFourSixOrEightOnVertex() throws Exception {
        for (int s : new int[] {4, 6, 8})
            assertThat(VeoWireRules.check(body(s), true)).as(s + " s on Vertex").isNull();
        assertThat(VeoWireRules.check(body(8), false)).isNull();
        assertThat(VeoWireRules.check(body(6), false)).contains("requires durationSeconds 8, not 6");
        assertThat(VeoWireRules.check(body(4), false)).contains("requires durationSeconds 8");
        assertThat(VeoWireRules.check(body(5), true)).contains("4, 6 or 8"); // no Veo clip lasts 5 s at all
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
        assertThat(VeoWireRules.check(extension(seven), true)).isNull(); // what Google's Vertex notebook sends
        assertThat(VeoWireRules.check(extension(eight), true)).contains("requires durationSeconds 7");
        assertThat(VeoWireRules.check(extension(eight), false)).isNull();
        assertThat(VeoWireRules.check(extension(seven), false)).contains("requires durationSeconds 8");
        String none = "{\"aspectRatio\":\"9:16\"}"; // Google's Vertex sample sends no durationSeconds
        assertThat(VeoWireRules.check(extension(none), true)).isNull();
        assertThat(VeoWireRules.check(extension(none), false)).isNull();
        assertThat(VeoWireRules.check(extension("{\"durationSeconds\":7,\"resolution\":\"1080p\"}"), true))
                .contains("only supported at 720p");
    }

    @Test
    void a1080pClipLastsEightSecondsOnTheGeminiApiAndFourSixOrEightOnVertex() throws Exception {
        JsonNode sixFullHd = new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\"}],"
                        + "\"parameters\":{\"durationSeconds\":6,\"resolution\":\"1080p\"}}");
        assertThat(VeoWireRules.check(sixFullHd, true)).isNull(); // the notebook's 6 s 1080p clip
        assertThat(VeoWireRules.check(sixFullHd, false)).contains("1080p requires durationSeconds 8");
        JsonNode sixFourK = new ObjectMapper()
                .readTree("{\"instances\":[{\"prompt\":\"p\"}],"
                        + "\"parameters\":{\"durationSeconds\":6,\"resolution\":\"4k\"}}");
        assertThat(VeoWireRules.check(sixFourK, true)).contains("4k requires durationSeconds 8");
    }
}
