package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.subtitle.CaptionStyle;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server configured with a model Google has shut down answers a google video request 400 with the date and replacement. */
class RetiredModelApiTest {
    @Test
    void aRetiredVideoModelIsA4xxWithItsShutdownDateAndReplacement(@TempDir Path data) throws Exception {
        ProviderRegistry registry = new ProviderRegistry(() -> ConfigLoader.fromEnvironment(Map.of(
                        "REELSMITH_GOOGLE_VERTEX",
                        "true",
                        "GOOGLE_CLOUD_PROJECT",
                        "demo",
                        "REELSMITH_GOOGLE_ACCESS_TOKEN",
                        "t",
                        "REELSMITH_GOOGLE_BASE_URL",
                        "http://127.0.0.1:9",
                        "REELSMITH_GOOGLE_VIDEO_MODEL",
                        "veo-3.1-generate-preview"))
                .google());
        try (TestServer server = new TestServer(
                data, name -> registry.stages(name, ProviderRegistry.JobContext.of(CaptionStyle.SHORTS)), Map.of())) {
            String token = server.newUser();
            String character = server.newCharacter(token, "Hero");
            HttpResponse<String> r = server.json(
                    "POST",
                    "/api/v1/videos",
                    token,
                    "{\"theme\":\"the sea\",\"characterId\":\"" + character
                            + "\",\"blocks\":2,\"provider\":\"google\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body())
                    .contains("veo-3.1-generate-preview was shut down by Google on 2026-10-22")
                    .contains("veo-3.1-generate-001");
            assertThat(TestServer.parse(server.json("GET", "/api/v1/videos", token, null))
                            .toString())
                    .doesNotContain("the sea");
        }
    }
}
