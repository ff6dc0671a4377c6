package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object-level authorization, over every operation the OpenAPI document lists (the document is generated
 * from the same route table that registers the handlers, so a new route is tested without editing this):
 * without a token every protected route is 401; with user B's token every route naming one of user A's
 * objects is 404, and A's objects are unchanged afterwards.
 */
class AuthorizationTest {
    @TempDir
    static Path data;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data, FakeStages.providers(), Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Operation(String method, String path, boolean secured) {}

    @Test
    void everyProtectedRouteRefusesStrangersAndAnonymousCallers() throws Exception {
        String a = server.newUser(), b = server.newUser();
        String character = server.newCharacter(a, "Alice's hero");
        String video = server.newVideo(a, "secret plans", character, 1);

        List<Operation> ops = operations(TestServer.parse(server.json("GET", "/api/v1/openapi.json", null, null)));
        int withId = 0;
        for (Operation op : ops) {
            String path = op.path()
                            .replace("{name}", "final.mp4")
                            .replace("{k}", "1")
                            .replace("{id}", op.path().startsWith("/api/v1/characters") ? character : video)
                    + (op.path().endsWith("/regenerate") ? "?fromBlock=1" : "");
            if (op.secured()) {
                var anonymous = server.json(op.method(), path, null, null);
                assertThat(anonymous.statusCode())
                        .as("no token: %s %s → %s", op.method(), path, anonymous.body())
                        .isEqualTo(401);
                assertThat(TestServer.parse(anonymous).get("error").asText()).isEqualTo("unauthorized");
            }
            if (op.path().contains("{id}")) {
                withId++;
                assertThat(op.secured())
                        .as("%s %s names an object but needs no token", op.method(), op.path())
                        .isTrue();
                HttpResponse<String> stranger =
                        server.json(op.method(), path, b, op.method().equals("PUT") ? "{}" : null);
                assertThat(stranger.statusCode())
                        .as("user B: %s %s → %s", op.method(), path, stranger.body())
                        .isIn(403, 404);
            }
        }
        // The query-string token (for browsers' EventSource, <img>, <video>) obeys the same rules.
        assertThat(server.json("GET", "/api/v1/characters/" + character + "/image?access_token=" + b, null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(server.json("GET", "/api/v1/characters/" + character + "/image?access_token=" + a, null, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.json("GET", "/api/v1/characters/" + character + "/image?access_token=forged", null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(server.json("DELETE", "/api/v1/characters/" + character + "?access_token=" + a, null, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(withId)
                .as("routes with an {id} found in the OpenAPI document")
                .isGreaterThanOrEqualTo(12);

        // A's objects survived B's DELETE/start/cancel attempts; B sees an empty library.
        assertThat(server.videoStatus(a, video)).isEqualTo("draft");
        assertThat(server.json("GET", "/api/v1/characters/" + character, a, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(TestServer.parse(server.json("GET", "/api/v1/characters", b, null))
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(TestServer.parse(server.json("GET", "/api/v1/videos", b, null))
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(TestServer.parse(server.json("GET", "/api/v1/videos", a, null))
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void openRoutesAreOnlyHealthDocumentAndSignIn() throws Exception {
        List<String> open =
                operations(TestServer.parse(server.json("GET", "/api/v1/openapi.json", null, null))).stream()
                        .filter(o -> !o.secured())
                        .map(o -> o.method() + " " + o.path())
                        .toList();
        assertThat(open)
                .containsExactlyInAnyOrder(
                        "GET /api/v1/health",
                        "GET /api/v1/openapi.json",
                        "POST /api/v1/auth/register",
                        "POST /api/v1/auth/login",
                        "POST /api/v1/auth/refresh"); // refresh: its refresh token is the credential
        assertThat(server.json("GET", "/api/v1/health", null, null).statusCode())
                .isEqualTo(200);
        var ui = server.json("GET", "/", null, null); // the web UI's static files are public
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        // The separate health port (for supervisors of serve and worker) reports the database and the job server.
        var health = server.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.service.healthPort() + "/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(TestServer.parse(health).get("jobServer").asText()).isEqualTo("running");
    }

    @Test
    void theOpenApiDocumentIsConsistent() throws Exception {
        JsonNode doc = TestServer.parse(server.json("GET", "/api/v1/openapi.json", null, null));
        assertThat(doc.get("openapi").asText()).startsWith("3.1");
        List<String> refs = doc.findValuesAsText("$ref");
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(doc.get("components").get("schemas").has(ref.replace("#/components/schemas/", "")))
                    .as(ref)
                    .isTrue();
        }
        assertThat(doc.findValues("operationId").stream()
                        .map(JsonNode::asText)
                        .distinct()
                        .count())
                .isEqualTo(doc.findValues("operationId").size());
    }

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            var p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                var m = methods.next();
                ops.add(new Operation(
                        m.getKey().toUpperCase(Locale.ROOT),
                        p.getKey(),
                        !m.getValue().path("security").isEmpty()));
            }
        }
        assertThat(ops).hasSizeGreaterThanOrEqualTo(20);
        return ops;
    }
}
