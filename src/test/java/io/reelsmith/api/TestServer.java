package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.service.Service;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** A real service on a free port with its own data directory, and a small HTTP client for the tests. */
final class TestServer implements AutoCloseable {
    final Path dataDir;
    final ReelsmithConfig config;
    final Service service;
    final String base;
    final HttpClient http = HttpClient.newHttpClient();

    TestServer(Path dataDir, Function<String, Stages> providers, Map<String, String> settings) throws IOException {
        this(dataDir, providers, settings, true);
    }

    /** {@code jobs} false: the API only, as in a deployment whose videos are made by separate workers. */
    TestServer(Path dataDir, Function<String, Stages> providers, Map<String, String> settings, boolean jobs)
            throws IOException {
        this(dataDir, providers, JobStages.shared(providers), settings, jobs);
    }

    /** With stages built per video, given the video's spend recorder (paid providers). */
    TestServer(
            Path dataDir,
            Function<String, Stages> providers,
            JobStages jobStages,
            Map<String, String> settings,
            boolean jobs)
            throws IOException {
        this(dataDir, providers, jobStages, null, settings, jobs);
    }

    /** {@code google}: the settings that price google's steps (the tests' emulator); null: the configuration's. */
    TestServer(
            Path dataDir,
            Function<String, Stages> providers,
            JobStages jobStages,
            Supplier<GoogleConfig> google,
            Map<String, String> settings,
            boolean jobs)
            throws IOException {
        this.dataDir = dataDir;
        Map<String, String> s = new HashMap<>(Map.of(
                "reelsmith.http.port",
                "0",
                "reelsmith.data.dir",
                dataDir.toString(),
                "reelsmith.dashboard.port",
                "-1",
                "reelsmith.health.port",
                "0",
                "reelsmith.upload.max.bytes",
                "2000000",
                // every test user signs up from 127.0.0.1: the per-address throttles are SecurityApiTest's to check
                "reelsmith.auth.address.signups",
                "100000",
                "reelsmith.auth.address.attempts",
                "100000"));
        // REELSMITH_TEST_DB_URL runs the same tests against PostgreSQL (user from REELSMITH_TEST_DB_USER).
        String url = System.getenv("REELSMITH_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            s.put("reelsmith.db.url", url);
            s.put("reelsmith.db.user", System.getenv().getOrDefault("REELSMITH_TEST_DB_USER", "postgres"));
        }
        s.putAll(settings);
        this.config = ConfigLoader.load(null, Map.of(), s);
        this.service =
                Service.start(config, providers, jobStages, google != null ? google : config::google, true, jobs);
        this.base = "http://127.0.0.1:" + service.port();
    }

    /** A direct look at the database, for checks the API does not expose (rows left behind). */
    Jdbi db() {
        return Jdbi.create(
                config.service().dbUrl(),
                config.service().dbUser(),
                config.service().dbPassword());
    }

    long count(String table) {
        return db().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends the body without a Content-Length (chunked), as a client that does not say its size. */
    HttpResponse<String> sendChunked(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.header("Content-Type", contentType);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> json(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return send(
                method,
                path,
                token,
                json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> bytes(String path, String token, String range) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (range != null) b.header("Range", range);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The video's status as its owner reads it (draft, queued, running, completed, …). */
    String videoStatus(String token, String video) throws IOException, InterruptedException {
        return parse(json("GET", "/api/v1/videos/" + video, token, null))
                .get("status")
                .asText();
    }

    /** The status of a GET of {@code path} as {@code token} (null: anonymous). */
    int status(String path, String token) throws IOException, InterruptedException {
        return bytes(path, token, null).statusCode();
    }

    /** {@code r} is a 400 whose message says {@code says}; {@code what} names the request when it is not. */
    static void assertBadRequest(HttpResponse<String> r, String what, String says) throws IOException {
        assertThat(r.statusCode()).as(what + " → " + r.body()).isEqualTo(400);
        assertThat(parse(r).get("message").asText()).as(what).contains(says);
    }

    /** Saves a downloaded video as {@code file} and checks with ffprobe that it is a 1080x1920 vertical video. */
    static void assertVertical(byte[] mp4, Path file) throws IOException {
        Files.write(file, mp4);
        MediaInfo info = MediaInfo.probe(file);
        assertThat(info.width()).isEqualTo(1080);
        assertThat(info.height()).isEqualTo(1920);
    }

    static JsonNode parse(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    /** The video once it is no longer queued or running, polled as a client does (the SSE stream is tested elsewhere); 300 s at most. */
    JsonNode awaitFinished(String token, String videoId) {
        return await("video " + videoId + " ended")
                .atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> parse(json("GET", "/api/v1/videos/" + videoId, token, null)),
                        video -> !List.of("queued", "running")
                                .contains(video.get("status").asText()));
    }

    /** Registers a fresh account and returns its token. */
    String newUser() throws IOException, InterruptedException {
        var r = json(
                "POST",
                "/api/v1/auth/register",
                null,
                "{\"email\":\"u" + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.com\",\"password\":\"correct horse\"}");
        if (r.statusCode() != 201) throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
        return parse(r).get("token").asText();
    }

    /** Creates a character named {@code name} on {@code token}'s account and returns its id. */
    String newCharacter(String token, String name) throws IOException, InterruptedException {
        return created(json("POST", "/api/v1/characters", token, "{\"name\":\"" + name + "\"}"));
    }

    /** Creates a draft video of {@code theme} with {@code character} in {@code blocks} blocks and returns its id. */
    String newVideo(String token, String theme, String character, int blocks) throws IOException, InterruptedException {
        String body = "{\"theme\":\"" + theme + "\",\"characterId\":\"" + character + "\",\"blocks\":" + blocks + "}";
        return created(json("POST", "/api/v1/videos", token, body));
    }

    private static String created(HttpResponse<String> r) throws IOException {
        if (r.statusCode() != 201) throw new IllegalStateException("create: " + r.statusCode() + " " + r.body());
        return parse(r).get("id").asText();
    }

    /** A multipart/form-data body with text fields and one file field named image. */
    static Multipart multipart(Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----reelsmith" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
                            + fileName + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    record Multipart(String contentType, byte[] body) {}

    @Override
    public void close() {
        service.close();
    }
}
