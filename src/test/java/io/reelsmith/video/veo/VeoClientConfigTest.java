package io.reelsmith.video.veo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.types.GenerateVideosConfig;
import org.junit.jupiter.api.Test;

/**
 * What our SDK config asks for, per surface: on Vertex AI generateAudio true (Google's Vertex reference: "Required
 * for Veo 3 models"), which the SDK's Vertex converter sends as parameters.generateAudio; on the Gemini API nothing
 * (the SDK refuses the field there).
 */
class VeoClientConfigTest {
    static final String M = "veo-3.1-generate-001";

    @Test
    void vertexRequestsAskForAudioAndGeminiApiRequestsDoNot() {
        for (VeoRequest r : new VeoRequest[] {
            VeoRequest.fromFirstFrame(M, "p", new byte[] {1}),
            VeoRequest.extension(M, "p", new byte[] {1}, 8),
            VeoRequest.interpolation(M, "p", new byte[] {1}, new byte[] {2}, 6)
        }) {
            GenerateVideosConfig vertex = VeoClient.config(r, true);
            assertThat(vertex.generateAudio()).as(r.kind()).contains(true);
            assertThat(vertex.numberOfVideos()).contains(1);
            assertThat(VeoClient.config(r, false).generateAudio()).as(r.kind()).isEmpty();
        }
    }
}
