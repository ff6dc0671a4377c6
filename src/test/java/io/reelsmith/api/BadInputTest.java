package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, case by case: each must get a 4xx with {"error", "message"} that says what is wrong, and must
 * leave no row (users, characters, videos, steps) and no file (blobs, video directories) behind.
 * The server runs with the default upload limit (10 MB).
 */
class BadInputTest {
    @TempDir
    static Path data;

    static TestServer server;
    static String token, character, video;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(
                data, FakeStages.providers(), Map.of("reelsmith.upload.max.bytes", String.valueOf(10 * 1024 * 1024)));
        token = server.newUser();
        character = server.newCharacter(token, "Hero");
        video = server.newVideo(token, "the sea", character, 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One bad request: what it is, the status it must get, a word its message must contain. */
    record Case(String name, int status, String messageHas, Request request) {}

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    static Request post(String path, String json) {
        return () -> server.json("POST", path, token, json);
    }

    static Request raw(String method, String path, String contentType, byte[] body) {
        return () -> server.send(method, path, token, contentType, body);
    }

    static Request upload(String name, String fileName, byte[] file) {
        var m = TestServer.multipart(
                name == null ? Map.of() : Map.of("name", name, "description", "x"), fileName, file);
        return raw("POST", "/api/v1/characters/upload", m.contentType(), m.body());
    }

    static String video(String fields) {
        return "{\"theme\":\"dragons\",\"characterId\":\"" + character + "\"" + fields + "}";
    }

    /** A token of a random user signed with {@code secret}; {@code expires} null for none, no "sid" claim unless {@code sid}. */
    static String jwt(String secret, Instant expires, boolean sid) {
        var token = JWT.create()
                .withIssuer("reelsmith")
                .withSubject(UUID.randomUUID().toString());
        if (sid) token.withClaim("sid", UUID.randomUUID().toString());
        if (expires != null) token.withExpiresAt(expires);
        return token.sign(Algorithm.HMAC256(secret));
    }

    /** POST /api/v1/auth/register with {@code json}, anonymously. */
    static HttpResponse<String> register(String json) throws Exception {
        return server.json("POST", "/api/v1/auth/register", null, json);
    }

    static HttpResponse<String> register(String contentType, String body) throws Exception {
        return server.send("POST", "/api/v1/auth/register", null, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static List<Case> cases() throws Exception {
        String secret = Files.readString(data.resolve("jwt.secret")).strip();
        String expired = jwt(secret, Instant.now().minusSeconds(60), true);
        String noExpiry = jwt(secret, null, true);
        String noSession = jwt(secret, Instant.now().plusSeconds(600), true);
        String forged = jwt(
                "another-secret-another-secret-another-secret", Instant.now().plusSeconds(600), false);
        byte[] nonUtf8 = ("{\"theme\":\"caf\u00e9 \",\"characterId\":\"" + character + "\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] twentyMb = new byte[20 * 1024 * 1024];
        System.arraycopy(FakeStages.png(), 0, twentyMb, 0, 100);
        String v = "/api/v1/videos/" + video;
        List<Case> c = new ArrayList<>();
        c.add(new Case("register with an empty body", 400, "empty", () -> register("")));
        c.add(new Case("register with malformed JSON", 400, "malformed", () -> register("{\"email\":")));
        c.add(new Case("register with a JSON array", 400, "malformed", () -> register("[1,2]")));
        c.add(new Case(
                "register with a bad email",
                400,
                "email",
                () -> register("{\"email\":\"nobody\",\"password\":\"long enough\"}")));
        c.add(new Case(
                "register with a short password",
                400,
                "password",
                () -> register("{\"email\":\"s@example.com\",\"password\":\"short\"}")));
        c.add(new Case(
                "register with an unknown field",
                400,
                "isAdmin",
                () -> register("{\"email\":\"t@example.com\",\"password\":\"long enough\",\"isAdmin\":true}")));
        c.add(new Case(
                "register as text/plain (a cross-site form can send that)",
                415,
                "application/json",
                () -> register("text/plain", "{\"email\":\"x@example.com\",\"password\":\"long enough words\"}")));
        c.add(new Case(
                "register as a form",
                415,
                "application/json",
                () -> register(
                        "application/x-www-form-urlencoded", "email=x%40example.com&password=long+enough+words")));
        c.add(
                new Case(
                        "register with a duplicate key",
                        400,
                        "duplicate",
                        () -> register(
                                "{\"email\":\"d@example.com\",\"password\":\"long enough words\",\"email\":\"admin@example.com\"}")));
        c.add(new Case(
                "register with data after the JSON",
                400,
                "more data",
                () -> register("{\"email\":\"g@example.com\",\"password\":\"long enough words\"} {\"more\":1}")));
        c.add(new Case(
                "register with a common password",
                400,
                "common",
                () -> register("{\"email\":\"c@example.com\",\"password\":\"password123\"}")));
        c.add(new Case(
                "register with 12345678",
                400,
                "common",
                () -> register("{\"email\":\"c@example.com\",\"password\":\"12345678\"}")));
        c.add(new Case(
                "register with eight spaces",
                400,
                "repeated",
                () -> register("{\"email\":\"c@example.com\",\"password\":\"        \"}")));
        c.add(new Case(
                "register with the email as password",
                400,
                "email",
                () -> register("{\"email\":\"mailbox@example.com\",\"password\":\"mailbox@example.com\"}")));
        c.add(new Case(
                "login with a wrong password",
                401,
                "wrong",
                () -> server.json(
                        "POST",
                        "/api/v1/auth/login",
                        null,
                        "{\"email\":\"nobody@example.com\",\"password\":\"whatever1\"}")));
        c.add(new Case("no token", 401, "Bearer", () -> server.json("GET", "/api/v1/videos", null, null)));
        c.add(new Case("an expired token", 401, "expired", () -> server.json("GET", "/api/v1/videos", expired, null)));
        c.add(new Case("a forged token", 401, "not valid", () -> server.json("GET", "/api/v1/videos", forged, null)));
        c.add(new Case(
                "a token without exp", 401, "not valid", () -> server.json("GET", "/api/v1/videos", noExpiry, null)));
        c.add(new Case(
                "a token of a session that does not exist",
                401,
                "ended",
                () -> server.json("GET", "/api/v1/videos", noSession, null)));
        c.add(new Case("a garbage token", 401, "not valid", () -> server.json("GET", "/api/v1/videos", "a.b.c", null)));
        c.add(new Case("character with an empty name", 400, "name", post("/api/v1/characters", "{\"name\":\"  \"}")));
        c.add(new Case(
                "character with a huge name",
                400,
                "name",
                post("/api/v1/characters", "{\"name\":\"" + "n".repeat(81) + "\"}")));
        c.add(new Case(
                "character with a huge description",
                400,
                "description",
                post("/api/v1/characters", "{\"name\":\"ok\",\"description\":\"" + "d".repeat(1001) + "\"}")));
        c.add(new Case(
                "character name with a control character",
                400,
                "control",
                post("/api/v1/characters", "{\"name\":\"bad\\u0000name\"}")));
        c.add(new Case(
                "upload of a text file named .png",
                400,
                "portrait.png is a text file",
                upload("Texty", "portrait.png", "just some text, not an image".getBytes(StandardCharsets.UTF_8))));
        c.add(new Case(
                "upload of a truncated PNG",
                400,
                "truncated",
                upload("Broken", "broken.png", Arrays.copyOf(FakeStages.png(), 40))));
        c.add(new Case("upload of 20 MB", 413, "limit", upload("Huge", "huge.png", twentyMb)));
        var chunked = TestServer.multipart(Map.of("name", "Chunky"), "huge.png", twentyMb);
        c.add(new Case(
                "upload of 20 MB without a Content-Length",
                413,
                "limit",
                () -> server.sendChunked(
                        "POST", "/api/v1/characters/upload", token, chunked.contentType(), chunked.body())));
        c.add(new Case("upload without an image", 400, "image", upload("NoImage", null, null)));
        c.add(new Case(
                "upload that is not multipart",
                400,
                "multipart",
                raw("POST", "/api/v1/characters/upload", "application/json", "{}".getBytes())));
        c.add(new Case(
                "video with an empty theme",
                400,
                "theme",
                post("/api/v1/videos", "{\"theme\":\"\",\"characterId\":\"" + character + "\"}")));
        c.add(new Case(
                "video with a huge theme",
                400,
                "theme",
                post(
                        "/api/v1/videos",
                        "{\"theme\":\"" + "t".repeat(501) + "\",\"characterId\":\"" + character + "\"}")));
        c.add(new Case(
                "video with a non-UTF-8 theme",
                400,
                "UTF-8",
                raw("POST", "/api/v1/videos", "application/json", nonUtf8)));
        c.add(new Case(
                "video of an unknown character",
                404,
                "character",
                post("/api/v1/videos", "{\"theme\":\"x\",\"characterId\":\"" + UUID.randomUUID() + "\"}")));
        c.add(new Case(
                "video with a path-like character id",
                404,
                "character",
                post("/api/v1/videos", "{\"theme\":\"x\",\"characterId\":\"../../jwt.secret\"}")));
        c.add(new Case(
                "video in an unknown language",
                400,
                "language",
                post("/api/v1/videos", video(",\"language\":\"de\""))));
        c.add(new Case("video with negative blocks", 400, "blocks", post("/api/v1/videos", video(",\"blocks\":-1"))));
        c.add(new Case("video with too many blocks", 400, "blocks", post("/api/v1/videos", video(",\"blocks\":22"))));
        c.add(new Case(
                "video with blocks as text", 400, "malformed", post("/api/v1/videos", video(",\"blocks\":\"two\""))));
        c.add(new Case(
                "video with fractional blocks", 400, "malformed", post("/api/v1/videos", video(",\"blocks\":2.5"))));
        c.add(new Case(
                "video with a body nested 200 deep",
                400,
                "nested",
                post("/api/v1/videos", "{\"theme\":" + "[".repeat(200) + "]".repeat(200) + "}")));
        c.add(new Case(
                "video with a number for the cast",
                400,
                "characterIds",
                post("/api/v1/videos", "{\"theme\":\"x\",\"characterIds\":7}")));
        c.add(new Case(
                "video with an unknown provider",
                400,
                "provider",
                post("/api/v1/videos", video(",\"provider\":\"veo9\""))));
        c.add(new Case(
                "script without blocks",
                400,
                "no blocks",
                raw(
                        "PUT",
                        v + "/script",
                        "application/json",
                        "{\"title\":\"t\",\"language\":\"en\",\"blocks\":[]}".getBytes())));
        c.add(new Case(
                "script that is not JSON",
                400,
                "malformed",
                raw("PUT", v + "/script", "application/json", "BLOC 1".getBytes())));
        c.add(new Case("regenerate from block 0", 400, "fromBlock", post(v + "/regenerate?fromBlock=0", null)));
        c.add(new Case("regenerate from block abc", 400, "fromBlock", post(v + "/regenerate?fromBlock=abc", null)));
        c.add(new Case("cancel a draft", 409, "cancelled", post(v + "/cancel", null)));
        c.add(new Case("retry a draft", 409, "retried", post(v + "/retry", null)));
        c.add(new Case(
                "download a file not made yet",
                404,
                "not made yet",
                () -> server.json("GET", v + "/files/final.mp4", token, null)));
        c.add(new Case(
                "download a path-like file name",
                404,
                "not found",
                () -> server.json("GET", v + "/files/..%2F..%2Fjwt.secret", token, null)));
        c.add(new Case(
                "download a workspace file that is no deliverable",
                404,
                "not found",
                () -> server.json("GET", v + "/files/character.png", token, null)));
        c.add(new Case(
                "list with limit 0",
                400,
                "limit",
                () -> server.json("GET", "/api/v1/characters?limit=0", token, null)));
        c.add(new Case(
                "unknown route", 404, "not found", () -> server.json("GET", "/api/v1/nothing-here", token, null)));
        return c;
    }

    @Test
    void everyBadRequestGetsAClearClientErrorAndLeavesNothingBehind() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        for (Case c : cases) {
            Map<String, Long> rowsBefore = rows();
            TreeSet<String> filesBefore = files();
            HttpResponse<String> r = c.request().send();
            assertThat(r.statusCode()).as("%s → %s", c.name(), r.body()).isEqualTo(c.status());
            JsonNode body = TestServer.parse(r);
            assertThat(body.get("error").asText()).as(c.name()).isNotBlank();
            assertThat(body.get("message").asText())
                    .as(c.name())
                    .containsIgnoringCase(c.messageHas())
                    .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]")
                    .doesNotContain("$")
                    .doesNotContain("Exception");
            assertThat(rows()).as("rows after: " + c.name()).isEqualTo(rowsBefore);
            assertThat(files()).as("files after: " + c.name()).isEqualTo(filesBefore);
        }
    }

    private static Map<String, Long> rows() {
        return Map.of(
                "users",
                server.count("users"),
                "characters",
                server.count("characters"),
                "videos",
                server.count("videos"),
                "video_steps",
                server.count("video_steps"),
                "video_checkpoints",
                server.count("video_checkpoints"));
    }

    /** Every file of the blob store and the video directories (the database files are not compared). */
    private static TreeSet<String> files() throws Exception {
        TreeSet<String> all = new TreeSet<>();
        for (Path root : List.of(
                server.config.service().blobDir(), server.config.service().jobsDir())) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.forEach(p -> all.add(data.relativize(p).toString()));
            }
        }
        return all;
    }
}
