package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.testkit.VideoFiles;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served OpenAPI document is one a client can trust: Redocly's linter (the pinned @redocly/cli that
 * {@code ./reelsmith test} installs into .tools/) finds no error in it, and every response of the main flow —
 * register, character, video, start, events, files, and the usual mistakes — is what the document says.
 * Both read the document the server serves, so routes added later are covered once they are in it.
 */
class OpenApiContractTest {
    /** Where {@code ./reelsmith test} installs the linter; REELSMITH_REDOCLY overrides. */
    static final Path REDOCLY =
            Path.of(System.getenv().getOrDefault("REELSMITH_REDOCLY", ".tools/redocly/node_modules/.bin/redocly"));

    @TempDir
    static Path data;

    static TestServer server;
    static JsonNode doc;
    static String docText;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, FakeStages.providers(), Map.of());
        var r = server.json("GET", "/api/v1/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        docText = r.body();
        doc = TestServer.parse(r);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theServedDocumentLintsWithoutErrors(@TempDir Path dir) throws Exception {
        assertThat(REDOCLY)
                .as(
                        "the Redocly CLI is not installed: run ./reelsmith test (it installs the pinned @redocly/cli into .tools/redocly), "
                                + "or set REELSMITH_REDOCLY")
                .exists();
        Path file = dir.resolve("openapi.json");
        Files.writeString(file, docText);
        ProcessBuilder pb = new ProcessBuilder(
                        REDOCLY.toAbsolutePath().toString(), "lint", file.toString(), "--format=summary")
                .redirectErrorStream(true);
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(out);
        assertThat(out).as(out).doesNotContainPattern("(?m)^error ").contains("validated");
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void everyResponseOfTheMainFlowIsWhatTheDocumentSays() throws Exception {
        OpenApiConformance c = new OpenApiConformance(doc);
        String account = "{\"email\":\"contract@example.com\",\"password\":\"correct horse\"}";
        var reg = checked(c, "POST", "/api/v1/auth/register", null, account);
        String token = TestServer.parse(reg).get("token").asText();
        checked(c, "POST", "/api/v1/auth/register", null, account);
        checked(c, "POST", "/api/v1/auth/login", null, account);
        checked(c, "POST", "/api/v1/auth/login", null, account.replace("correct horse", "wrong horse!"));
        checked(c, "GET", "/api/v1/health", null, null);

        String nano = "{\"name\":\"Nano\",\"description\":\"a banana\",\"style\":\"cartoon\"}";
        var ch = checked(c, "POST", "/api/v1/characters", token, nano);
        String character = TestServer.parse(ch).get("id").asText();
        checked(c, "POST", "/api/v1/characters", token, "{\"description\":\"no name\"}");
        checked(c, "GET", "/api/v1/characters?limit=5", token, null);
        checked(c, "GET", "/api/v1/characters/" + character, token, null);
        checkedBytes(c, "/api/v1/characters/" + character + "/image", token, null);
        checked(c, "GET", "/api/v1/characters/" + character, null, null);

        String create = "{\"theme\":\"a treasure map\",\"characterId\":\"" + character
                + "\",\"blocks\":1,\"language\":\"en\",\"provider\":\"local\"}";
        var v = checked(c, "POST", "/api/v1/videos", token, create);
        String video = TestServer.parse(v).get("id").asText();
        checked(c, "POST", "/api/v1/videos", token, "{\"theme\":\"\",\"characterId\":\"" + character + "\"}");
        checked(c, "GET", "/api/v1/videos/" + video, token, null);
        checked(c, "GET", "/api/v1/videos/nope", token, null);
        checked(c, "POST", "/api/v1/videos/" + video + "/start", token, null);

        HttpRequest events = HttpRequest.newBuilder(URI.create(server.base + "/api/v1/videos/" + video + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> sse = server.http.send(events, HttpResponse.BodyHandlers.ofLines());
        c.check(
                "GET",
                "/api/v1/videos/" + video + "/events",
                sse.statusCode(),
                sse.headers().firstValue("Content-Type").orElse(null),
                null);
        List<String> lines = new ArrayList<>();
        CompletableFuture.runAsync(() ->
                        sse.body().takeWhile(l -> !l.startsWith("event: end")).forEach(lines::add))
                .get(3, TimeUnit.MINUTES);
        var done = checked(c, "GET", "/api/v1/videos/" + video, token, null);
        assertThat(TestServer.parse(done).get("status").asText())
                .as(done.body())
                .isEqualTo("completed");
        for (String line : lines) {
            // Each 'video' event carries the same Video object the document describes.
            if (line.startsWith("data: {"))
                c.check("GET", "/api/v1/videos/" + video, 200, "application/json", line.substring(6));
        }
        checked(c, "GET", "/api/v1/videos", token, null);
        for (String name : VideoFiles.SERVED) {
            var f = checkedBytes(c, "/api/v1/videos/" + video + "/files/" + name, token, null);
            assertThat(f.statusCode()).as(name).isEqualTo(200);
        }
        checkedBytes(c, "/api/v1/videos/" + video + "/files/nothing.txt", token, null);
        checkedBytes(c, "/api/v1/videos/" + video + "/files/final.mp4", token, "bytes=0-99");

        System.out.println(c.checked + " responses checked against the document");
        assertThat(c.checked).isGreaterThanOrEqualTo(25);
        assertThat(c.problems).as("responses that break the document").isEmpty();
    }

    /** The server's answer to a JSON request, checked against the document (under its path without the query). */
    private static HttpResponse<String> checked(
            OpenApiConformance c, String method, String path, String token, String body) throws Exception {
        var r = server.json(method, path, token, body);
        c.check(method, path.replaceFirst("\\?.*", ""), r);
        return r;
    }

    private static HttpResponse<byte[]> checkedBytes(OpenApiConformance c, String path, String token, String range)
            throws Exception {
        var r = server.bytes(path, token, range);
        c.check("GET", path, r);
        return r;
    }
}
