package io.reelsmith.video.veo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests that break a Veo rule are refused by our code before anything is sent. {@code M} is an id the catalogue
 * does not give limits to (the Gemini API's retired preview), so the Gemini API's documented 141 s rules apply.
 */
class VeoRulesTest {
    static final byte[] PNG = {1, 2, 3};
    static final String URI = "https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media";
    static final String M = "veo-3.1-generate-preview";

    static VeoRequest req(
            byte[] image, byte[] last, List<byte[]> refs, String uri, double srcSeconds, int seconds, String res) {
        return new VeoRequest(M, "a prompt", image, last, refs, uri, null, srcSeconds, seconds, "9:16", res);
    }

    @Test
    void theRequestsWeMakeAreAccepted() {
        VeoRules.check(VeoRequest.withReferences(M, "p", List.of(PNG, PNG, PNG)));
        VeoRules.check(VeoRequest.extension(M, "p", URI, 141));
        VeoRules.check(VeoRequest.interpolation(M, "p", PNG, PNG));
        VeoRules.check(req(null, null, null, null, 0, 4, "720p"));
        VeoRules.check(req(null, null, null, null, 0, 8, "4k"));
    }

    @Test
    void brokenRequestsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, null, 0, 5, "720p")))
                .isInstanceOf(VeoRuleException.class)
                .hasMessageContaining("4, 6 or 8");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, null, 0, 6, "1080p")))
                .hasMessageContaining("1080p requires an 8 s clip");
        assertThatThrownBy(() -> VeoRules.check(VeoRequest.withReferences(M, "p", List.of(PNG, PNG, PNG, PNG))))
                .hasMessageContaining("at most 3 reference images");
        assertThatThrownBy(() -> VeoRules.check(VeoRequest.withReferences(M, " ", List.of(PNG))))
                .hasMessageContaining("needs a prompt");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, List.of(PNG), null, 0, 6, "720p")))
                .hasMessageContaining("reference images require an 8 s clip");
        assertThatThrownBy(() -> VeoRules.check(req(PNG, null, List.of(PNG), null, 0, 8, "720p")))
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> VeoRules.check(req(null, PNG, null, null, 0, 8, "720p")))
                .hasMessageContaining("last frame needs a first frame");
        assertThatThrownBy(() -> VeoRules.check(req(PNG, PNG, null, null, 0, 6, "720p")))
                .hasMessageContaining("interpolation")
                .hasMessageContaining("8 s");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, URI, 8, 8, "1080p")))
                .hasMessageContaining("only at 720p");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, URI, 8, 6, "720p")))
                .hasMessageContaining("requested as 8 s");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, URI, 142, 8, "720p")))
                .hasMessageContaining("at most 141 s");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, "/tmp/x.mp4", 8, 8, "720p")))
                .hasMessageContaining("Veo-generated video");
        assertThatThrownBy(
                        () -> VeoRules.check(new VeoRequest(M, "p", null, null, null, null, null, 0, 8, "1:1", "720p")))
                .hasMessageContaining("16:9 or 9:16");
        assertThatThrownBy(
                        () -> VeoRules.check(new VeoRequest(M, "", null, null, null, null, null, 0, 8, "9:16", "720p")))
                .hasMessageContaining("needs a prompt");
    }

    @Test
    void aFirstAndLastFrameClipLastsEightSecondsOnTheGeminiApiAndFourSixOrEightOnVertexAi() {
        String vertexVeo = "veo-3.1-generate-001";
        for (int s : new int[] {4, 6, 8}) VeoRules.check(VeoRequest.interpolation(vertexVeo, "p", PNG, PNG, s), true);
        assertThatThrownBy(() -> VeoRules.check(VeoRequest.interpolation(M, "p", PNG, PNG, 6), false))
                .hasMessageContaining("8 s on the Gemini API");
        assertThatThrownBy(() -> VeoRules.check(VeoRequest.interpolation(vertexVeo, "p", PNG, PNG, 5), true))
                .hasMessageContaining("4, 6 or 8");
        assertThat(VeoRules.firstLastSeconds(true)).containsExactly(4, 6, 8);
        assertThat(VeoRules.firstLastSeconds(false)).containsExactly(8);
    }

    @Test
    void onVertexAiTheCataloguesThirtySecondSourceLimitApplies() {
        String vertexVeo = "veo-3.1-generate-001";
        byte[] video = {0, 0, 0, 24};
        VeoRules.check(VeoRequest.extension(vertexVeo, "p", video, 29), true);
        assertThatThrownBy(() -> VeoRules.check(VeoRequest.extension(vertexVeo, "p", video, 36), true))
                .isInstanceOf(VeoRuleException.class)
                .hasMessageContaining("at most 30 s");
        VeoRules.check(VeoRequest.fromFirstFrame(vertexVeo, "p", PNG), true); // a new segment from a last frame
        assertThat(VeoRequest.fromFirstFrame(vertexVeo, "p", PNG).kind()).isEqualTo("continue");
    }

    @Test
    void anExtensionIsAskedAsEightSecondsOnTheGeminiApiAndSevenOnVertexAiAndBillsTheSevenItAdds() {
        String vertexVeo = "veo-3.1-generate-001";
        VeoRequest inline = VeoRequest.extension(vertexVeo, "p", new byte[] {0, 0, 0, 24}, 8);
        VeoRequest gcs = VeoRequest.extension(vertexVeo, "p", "gs://b/v.mp4", 8, true);
        VeoRequest gemini = VeoRequest.extension(M, "p", URI, 8);
        assertThat(List.of(inline.durationSeconds(), gcs.durationSeconds(), gemini.durationSeconds()))
                .containsExactly(7, 7, 8);
        VeoRules.check(inline, true);
        VeoRules.check(gcs, true);
        VeoRules.check(gemini, false);
        for (VeoRequest r : List.of(inline, gcs, gemini))
            assertThat(r.billedSeconds()).isEqualTo(7.0);
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, "gs://b/v.mp4", 8, 8, "720p"), true))
                .isInstanceOf(VeoRuleException.class)
                .hasMessageContaining("requested as 7 s on Vertex AI");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, URI, 8, 7, "720p"), false))
                .hasMessageContaining("requested as 8 s on the Gemini API");
    }

    @Test
    void a1080pClipLastsEightSecondsOnTheGeminiApiAndFourSixOrEightOnVertexAi() {
        VeoRules.check(req(null, null, null, null, 0, 6, "1080p"), true);
        VeoRules.check(req(PNG, PNG, null, null, 0, 6, "1080p"), true); // the notebook's first-and-last-frame clip
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, null, 0, 6, "1080p"), false))
                .hasMessageContaining("1080p requires an 8 s clip on the Gemini API");
        assertThatThrownBy(() -> VeoRules.check(req(null, null, null, null, 0, 6, "4k"), true))
                .hasMessageContaining("4k requires an 8 s clip");
    }

    @Test
    void onlyVertexAiExtendsAVideoGivenAsBytes() {
        VeoRequest bytes = VeoRequest.extension(M, "p", new byte[] {0, 0, 0, 24}, 8);
        assertThatThrownBy(() -> VeoRules.check(bytes))
                .isInstanceOf(VeoRuleException.class)
                .hasMessageContaining("only by its uri");
        assertThat(VeoRules.check(bytes, true)).isSameAs(bytes);
    }

    @Test
    void aScriptLongerThan148SecondsCannotBePlanned() {
        // 1 clip + 20 extensions = 148 s is the most; the 21st extension would have a 148 s source.
        assertThat(8 + 7 * VeoRules.MAX_EXTENSIONS).isEqualTo(148);
        assertThatThrownBy(() -> VeoRules.check(VeoRequest.extension(M, "p", URI, 148)))
                .isInstanceOf(VeoRuleException.class);
    }
}
