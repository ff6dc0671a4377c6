package io.reelsmith.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator on the wire, without the SDK: key and token checks, Google's model lifecycle (retired and unknown
 * ids, no Veo on an API key), Veo's rules on Vertex AI's v1 routes (30 s extension sources), the log, faults.
 */
class GeminiEmulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    static final String IMG = "{\"bytesBase64Encoded\":\"" + Base64.getEncoder().encodeToString(new byte[] {1, 2})
            + "\",\"mimeType\":\"image/png\"}";
    static GeminiEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = GeminiEmulator.start(
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(100)).withSize(180, 320));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("x-goog-api-key", key);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String VERTEX = "/v1/projects/demo/locations/us-central1/publishers/google/models/";

    static HttpResponse<String> vertex(String pathAfterModels, String body) throws Exception {
        return GoogleEmulatorExtension.postWithToken(emulator, VERTEX + pathAfterModels, "emulator-token", body);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                        .header("x-goog-api-key", EmulatorOptions.DEFAULT_API_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A Veo request on Agent Platform; with generateAudio true unless {@code parameters} says (Rule.VEO_AUDIO). */
    static HttpResponse<String> veo(String instance, String parameters) throws Exception {
        String params = parameters.contains("generateAudio")
                ? parameters
                : parameters.replaceFirst("^\\{", "{\"generateAudio\":true" + (parameters.equals("{}") ? "" : ","));
        return vertex(
                "veo-3.1-generate-001:predictLongRunning",
                "{\"instances\":[" + instance + "],\"parameters\":" + params + "}");
    }

    @Test
    void googlesModelLifecycleIsFollowed() throws Exception {
        String text = "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}";
        HttpResponse<String> retired =
                post("/v1beta/models/gemini-2.5-flash-image:generateContent", text, EmulatorOptions.DEFAULT_API_KEY);
        assertThat(retired.statusCode()).isEqualTo(404);
        assertThat(retired.body()).contains("models/gemini-2.5-flash-image is no longer available");
        HttpResponse<String> veoOnKey = post(
                "/v1beta/models/veo-3.1-generate-001:predictLongRunning",
                "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{}}",
                EmulatorOptions.DEFAULT_API_KEY);
        assertThat(veoOnKey.statusCode()).isEqualTo(404);
        assertThat(post(
                                "/v1beta/models/veo-3.1-generate-preview:predictLongRunning",
                                "{\"instances\":[{\"prompt\":\"p\"}]}",
                                EmulatorOptions.DEFAULT_API_KEY)
                        .body())
                .contains("is no longer available");
        assertThat(post("/v1beta/models/gemini-99-imaginary:generateContent", text, EmulatorOptions.DEFAULT_API_KEY)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> textPredicts =
                vertex("gemini-3.8-flash:predictLongRunning", "{\"instances\":[{\"prompt\":\"p\"}]}");
        assertThat(textPredicts.statusCode()).isEqualTo(400);
        assertThat(textPredicts.body()).contains("does not support predictLongRunning");
        HttpResponse<String> beta1 = GoogleEmulatorExtension.postWithToken(
                emulator,
                VERTEX.replace("/v1/", "/v1beta1/") + "veo-3.1-generate-001:predictLongRunning",
                "t",
                "{\"instances\":[{\"prompt\":\"p\"}]}");
        assertThat(beta1.statusCode()).isEqualTo(400);
        assertThat(beta1.body()).contains("RESOURCE_PROJECT_INVALID");
        JsonNode log = JSON.readTree(get("/_emulator/log").body());
        for (JsonNode c : log.path("calls")) {
            if (c.path("status").asInt() >= 400)
                assertThat(c.path("billable").asBoolean()).isFalse();
        }
    }

    @Test
    void theApiKeyIsChecked() throws Exception {
        String body = "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}";
        assertThat(post("/v1beta/models/gemini-3.8-flash:generateContent", body, null)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> wrong = post("/v1beta/models/gemini-3.8-flash:generateContent", body, "nope");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("API_KEY_INVALID");
        assertThat(post("/v1beta/models/gemini-3.8-flash:generateContent", body, EmulatorOptions.DEFAULT_API_KEY)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> noToken = HTTP.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + VERTEX + "gemini-3.8-flash:generateContent"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void veoRulesAreEnforced() throws Exception {
        String ok = "{\"sampleCount\":1,\"durationSeconds\":8,\"aspectRatio\":\"9:16\",\"resolution\":\"720p\"}";
        String okExtension = ok.replace("8", "7"); // an extension on Agent Platform is asked as 7 s
        record Case(String instance, String params, String expected) {}
        String refs4 = "{\"prompt\":\"p\",\"referenceImages\":["
                + ("{\"image\":" + IMG + ",\"referenceType\":\"asset\"},").repeat(3) + "{\"image\":" + IMG
                + ",\"referenceType\":\"asset\"}]}";
        for (Case c : new Case[] {
            new Case("{\"prompt\":\"p\"}", "{\"durationSeconds\":5}", "4, 6 or 8"),
            new Case("{\"prompt\":\"p\"}", "{\"durationSeconds\":\"8\"}", "must be a number"),
            new Case(
                    "{\"prompt\":\"p\"}",
                    "{\"durationSeconds\":6,\"resolution\":\"4k\"}",
                    "4k requires durationSeconds 8"),
            new Case("{\"prompt\":\"p\"}", "{\"numberOfVideos\":1}", "unknown name \\\"numberOfVideos\\\""),
            new Case("{\"prompt\":\"p\"}", "{\"generateAudio\":\"yes\"}", "generateAudio must be true or false"),
            new Case("{\"prompt\":\"p\"}", "{\"sampleCount\":5}", "sampleCount must be from 1 to 4"),
            new Case("{\"prompt\":\"p\"}", "{\"aspectRatio\":\"4:3\"}", "aspectRatio must be 16:9 or 9:16"),
            new Case("{}", ok, "A prompt is required"),
            new Case(refs4, ok, "At most 3 reference images"),
            new Case(
                    "{\"prompt\":\"p\",\"referenceImages\":[{\"image\":" + IMG + ",\"referenceType\":\"style\"}]}",
                    ok,
                    "use asset"),
            new Case("{\"prompt\":\"p\",\"lastFrame\":" + IMG + "}", ok, "lastFrame requires image"),
            new Case(
                    "{\"prompt\":\"p\",\"image\":{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AA==\"}}}",
                    ok,
                    "`inlineData` isn't supported"),
            new Case(
                    "{\"prompt\":\"p\",\"video\":{\"uri\":\"https://x/files/abc:download\"}}",
                    "{\"resolution\":\"1080p\"}",
                    "only supported at 720p"),
            new Case(
                    "{\"prompt\":\"p\",\"video\":{\"uri\":\"https://x/files/abc:download\"}}",
                    ok,
                    "Extension requires durationSeconds 7 (it adds 7 s), not 8"),
            new Case(
                    "{\"prompt\":\"p\",\"video\":{\"uri\":\"https://x/files/nosuchfile:download\"}}",
                    okExtension,
                    "not a video generated by Veo"),
            new Case(
                    "{\"prompt\":\"p\",\"video\":{\"bytesBase64Encoded\":\"AA==\"}}",
                    okExtension,
                    "not a video generated by Veo"),
        }) {
            HttpResponse<String> r = veo(c.instance(), c.params());
            assertThat(r.statusCode()).as(c.expected()).isEqualTo(400);
            assertThat(r.body()).as(c.expected()).contains(c.expected());
        }
        HttpResponse<String> noAudio = vertex(
                "veo-3.1-generate-001:predictLongRunning",
                "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":" + ok + "}");
        assertThat(noAudio.statusCode()).isEqualTo(400);
        assertThat(noAudio.body()).contains("generateAudio is required for Veo 3 models");
    }

    @Test
    void aClipAskedWithoutAudioOnAgentPlatformIsSilent() throws Exception {
        String name = JSON.readTree(veo(
                                "{\"prompt\":\"Nano says: \\\"hello there\\\"\"}",
                                "{\"durationSeconds\":4,\"aspectRatio\":\"9:16\",\"generateAudio\":false}")
                        .body())
                .path("name")
                .asText();
        Path f = Files.createTempFile("silent", ".mp4");
        try {
            Files.write(f, Base64.getDecoder().decode(awaitVideoBytes(name)));
            assertThat(MediaInfo.meanVolumeDb(f)).isLessThan(-80); // no dialogue, no bed: silence
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void anExtensionMustRepeatTheSourceAspectRatioGrowsBySevenSecondsAndTakesSourcesUpTo30s() throws Exception {
        String name = JSON.readTree(veo(
                                "{\"prompt\":\"Nano says: \\\"hello there\\\"\"}",
                                "{\"durationSeconds\":4,\"aspectRatio\":\"9:16\"}")
                        .body())
                .path("name")
                .asText();
        String video = awaitVideoBytes(name);
        String source =
                "{\"prompt\":\"more\",\"video\":{\"bytesBase64Encoded\":\"" + video + "\",\"mimeType\":\"video/mp4\"}}";
        HttpResponse<String> mismatch = veo(source, "{\"durationSeconds\":7}");
        assertThat(mismatch.body()).contains("does not match the input video's 9:16");
        String ext = JSON.readTree(veo(source, "{\"durationSeconds\":7,\"aspectRatio\":\"9:16\"}")
                        .body())
                .path("name")
                .asText();
        Path f = Files.createTempFile("ext", ".mp4");
        Files.write(f, Base64.getDecoder().decode(awaitVideoBytes(ext)));
        var info = MediaInfo.probe(f);
        assertThat(info.seconds()).isBetween(10.8, 11.3); // one video: the 4 s input, then 7 new seconds
        assertThat(info.hasAudio()).isTrue();
        assertThat(info.width()).isEqualTo(180);

        // Extend 11 -> 18 -> 25 -> 32 s: the 32 s video is past Vertex's 30 s source limit and is refused (not billed).
        String current = Base64.getEncoder().encodeToString(Files.readAllBytes(f));
        Files.delete(f);
        for (int i = 0; i < 3; i++) {
            String n = JSON.readTree(veo(
                                    "{\"prompt\":\"more\",\"video\":{\"bytesBase64Encoded\":\"" + current + "\"}}",
                                    "{\"durationSeconds\":7,\"aspectRatio\":\"9:16\"}")
                            .body())
                    .path("name")
                    .asText();
            current = awaitVideoBytes(n);
        }
        HttpResponse<String> tooLong = veo(
                "{\"prompt\":\"more\",\"video\":{\"bytesBase64Encoded\":\"" + current + "\"}}",
                "{\"durationSeconds\":7,\"aspectRatio\":\"9:16\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("must be at most 30 s; it is 32 s");

        JsonNode log = JSON.readTree(get("/_emulator/log").body());
        JsonNode extendCall = null;
        for (JsonNode c : log.path("calls"))
            if (c.path("kind").asText().equals("extend") && c.path("status").asInt() == 200) extendCall = c;
        assertThat(extendCall).isNotNull();
        assertThat(extendCall.path("billable").asBoolean()).isTrue();
        assertThat(extendCall.path("seconds").asDouble()).isEqualTo(7.0);
        assertThat(extendCall.path("model").asText()).isEqualTo("veo-3.1-generate-001");
    }

    @Test
    void faultsAreInjectedThroughTheAdminEndpoint() throws Exception {
        post("/_emulator/faults", "{\"next\":[\"429\",\"safety\"]}", null);
        assertThat(veo("{\"prompt\":\"p\"}", "{}").statusCode()).isEqualTo(429);
        String name = JSON.readTree(veo("{\"prompt\":\"p\"}", "{}").body())
                .path("name")
                .asText();
        JsonNode done = awaitDone(name);
        assertThat(done.path("response").path("raiMediaFilteredCount").asInt()).isEqualTo(1);
        assertThat(done.path("response").has("videos")).isFalse();
    }

    static String awaitVideoBytes(String name) throws Exception {
        return awaitDone(name)
                .path("response")
                .path("videos")
                .path(0)
                .path("bytesBase64Encoded")
                .asText();
    }

    static JsonNode awaitDone(String name) {
        return await("operation " + name + " done")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> JSON.readTree(vertex(
                                        "veo-3.1-generate-001:fetchPredictOperation",
                                        "{\"operationName\":\"" + name + "\"}")
                                .body()),
                        op -> op.path("done").asBoolean());
    }
}
