package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        var reg = server.json(
                "POST",
                "/api/v1/auth/register",
                null,
                "{\"email\":\"contract@example.com\",\"password\":\"correct horse\"}");
        c.check("POST", "/api/v1/auth/register", reg);
        String token = TestServer.parse(reg).get("token").asText();
        c.check(
                "POST",
                "/api/v1/auth/register",
                server.json(
                        "POST",
                        "/api/v1/auth/register",
                        null,
                        "{\"email\":\"contract@example.com\",\"password\":\"correct horse\"}"));
        c.check(
                "POST",
                "/api/v1/auth/login",
                server.json(
                        "POST",
                        "/api/v1/auth/login",
                        null,
                        "{\"email\":\"contract@example.com\",\"password\":\"correct horse\"}"));
        c.check(
                "POST",
                "/api/v1/auth/login",
                server.json(
                        "POST",
                        "/api/v1/auth/login",
                        null,
                        "{\"email\":\"contract@example.com\",\"password\":\"wrong horse!\"}"));
        c.check("GET", "/api/v1/health", server.json("GET", "/api/v1/health", null, null));

        var ch = server.json(
                "POST",
                "/api/v1/characters",
                token,
                "{\"name\":\"Nano\",\"description\":\"a banana\",\"style\":\"cartoon\"}");
        c.check("POST", "/api/v1/characters", ch);
        String character = TestServer.parse(ch).get("id").asText();
        c.check(
                "POST",
                "/api/v1/characters",
                server.json("POST", "/api/v1/characters", token, "{\"description\":\"no name\"}"));
        c.check("GET", "/api/v1/characters", server.json("GET", "/api/v1/characters?limit=5", token, null));
        c.check(
                "GET",
                "/api/v1/characters/" + character,
                server.json("GET", "/api/v1/characters/" + character, token, null));
        c.check(
                "GET",
                "/api/v1/characters/" + character + "/image",
                server.bytes("/api/v1/characters/" + character + "/image", token, null));
        c.check(
                "GET",
                "/api/v1/characters/" + character,
                server.json("GET", "/api/v1/characters/" + character, null, null));

        String create = "{\"theme\":\"a treasure map\",\"characterId\":\"" + character
                + "\",\"blocks\":1,\"language\":\"en\",\"provider\":\"local\"}";
        var v = server.json("POST", "/api/v1/videos", token, create);
        c.check("POST", "/api/v1/videos", v);
        String video = TestServer.parse(v).get("id").asText();
        c.check(
                "POST",
                "/api/v1/videos",
                server.json("POST", "/api/v1/videos", token, "{\"theme\":\"\",\"characterId\":\"" + character + "\"}"));
        c.check("GET", "/api/v1/videos/" + video, server.json("GET", "/api/v1/videos/" + video, token, null));
        c.check("GET", "/api/v1/videos/nope", server.json("GET", "/api/v1/videos/nope", token, null));
        c.check(
                "POST",
                "/api/v1/videos/" + video + "/start",
                server.json("POST", "/api/v1/videos/" + video + "/start", token, null));

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
        var done = server.json("GET", "/api/v1/videos/" + video, token, null);
        c.check("GET", "/api/v1/videos/" + video, done);
        assertThat(TestServer.parse(done).get("status").asText())
                .as(done.body())
                .isEqualTo("completed");
        for (String line : lines) {
            // Each 'video' event carries the same Video object the document describes.
            if (line.startsWith("data: {"))
                c.check("GET", "/api/v1/videos/" + video, 200, "application/json", line.substring(6));
        }
        c.check("GET", "/api/v1/videos", server.json("GET", "/api/v1/videos", token, null));
        for (String name : List.of(
                "final.mp4",
                "cover.jpg",
                "subtitles.ass",
                "subtitles.srt",
                "subtitles.vtt",
                "words.json",
                "script.json",
                "nothing.txt")) {
            var f = server.bytes("/api/v1/videos/" + video + "/files/" + name, token, null);
            if (!name.equals("nothing.txt")) assertThat(f.statusCode()).as(name).isEqualTo(200);
            c.check("GET", "/api/v1/videos/" + video + "/files/" + name, f);
        }
        c.check(
                "GET",
                "/api/v1/videos/" + video + "/files/final.mp4",
                server.bytes("/api/v1/videos/" + video + "/files/final.mp4", token, "bytes=0-99"));

        System.out.println(c.checked + " responses checked against the document");
        assertThat(c.checked).isGreaterThanOrEqualTo(25);
        assertThat(c.problems).as("responses that break the document").isEmpty();
    }
}
