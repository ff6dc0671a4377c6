package io.reelsmith.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The emulator's first-and-last-frame rule per surface, on the request body alone (no server). */
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
}
