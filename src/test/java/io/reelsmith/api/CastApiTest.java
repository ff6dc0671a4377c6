package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelsmith.testkit.FastLocal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A video with a cast of two over HTTP (the real local provider, rendered fast): both speak, both are listed; bad casts are refused. */
class CastApiTest {
    @RegisterExtension
    static final SharedTestServer shared = new SharedTestServer(
            () -> new Instrumented(FastLocal.providers()).providers(), Map.of("reelsmith.jobs.max.attempts", "1"));

    @Test
    void twoCharactersBothSpeakAndAreListedAndTheVideoIsMade() throws Exception {
        String a = shared.server().newUser();
        String nano = shared.server().newCharacter(a, "Nano"),
                mira = shared.server().newCharacter(a, "Mira");
        var created = shared.server()
                .json(
                        "POST",
                        "/api/v1/videos",
                        a,
                        "{\"theme\":\"a treasure map\",\"characterIds\":[\"" + nano + "\",\"" + mira
                                + "\"],\"blocks\":2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode video = TestServer.parse(created);
        String id = video.get("id").asText();
        assertThat(video.get("cast").findValuesAsText("name")).containsExactly("Nano", "Mira");
        assertThat(video.get("cast").findValuesAsText("characterId")).containsExactly(nano, mira);
        Set<String> speakers = new HashSet<>(video.get("script").findValuesAsText("speaker"));
        assertThat(speakers)
                .as("every line is spoken by the cast, and both of them speak")
                .containsExactlyInAnyOrder("Nano", "Mira");

        // an edited script may not bring in a speaker outside the cast
        ObjectNode script = (ObjectNode) video.get("script");
        ((ObjectNode) script.get("blocks").get(0).get("dialogue").get(0)).put("speaker", "Stranger");
        var put = shared.server().json("PUT", "/api/v1/videos/" + id + "/script", a, script.toString());
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("Stranger").contains("not in the cast");

        assertThat(shared.server()
                        .json("POST", "/api/v1/videos/" + id + "/start", a, null)
                        .statusCode())
                .isEqualTo(200);
        VideoFlowTest.followEvents(shared.server(), a, id);
        JsonNode done = TestServer.parse(shared.server().json("GET", "/api/v1/videos/" + id, a, null));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("cast").findValuesAsText("name")).containsExactly("Nano", "Mira");
        JsonNode characterStep = done.get("steps").get(0);
        assertThat(characterStep.get("outputs").get("file-2").asText()).isEqualTo("character-2.png");
        TestServer.assertVertical(
                shared.server()
                        .bytes("/api/v1/videos/" + id + "/files/final.mp4", a, null)
                        .body(),
                shared.data().resolve("cast.mp4"));
    }

    @Test
    void badCastsAreRefusedWithAMessageAndNoRow() throws Exception {
        String a = shared.server().newUser(), b = shared.server().newUser();
        String nano = shared.server().newCharacter(a, "Nano"),
                mira = shared.server().newCharacter(a, "Mira"),
                theirs = shared.server().newCharacter(b, "Zed");
        String unknown = UUID.randomUUID().toString();
        Map<String, String> cases = Map.of(
                "[\"" + nano + "\",\"" + nano + "\"]",
                "twice",
                "[\"" + nano + "\",\"" + unknown + "\"]",
                unknown,
                "[\"" + nano + "\",\"" + theirs + "\"]",
                theirs,
                "[\"" + nano + "\",\"" + mira + "\",\"" + UUID.randomUUID() + "\",\"" + UUID.randomUUID() + "\"]",
                "1 to 3",
                "[]",
                "1 to 3",
                "[\"../jwt.secret\"]",
                "not a character id");
        for (var c : cases.entrySet()) {
            var r = shared.server()
                    .json("POST", "/api/v1/videos", a, "{\"theme\":\"x\",\"characterIds\":" + c.getKey() + "}");
            TestServer.assertBadRequest(r, c.getKey(), c.getValue());
        }
        var both = shared.server()
                .json(
                        "POST",
                        "/api/v1/videos",
                        a,
                        "{\"theme\":\"x\",\"characterId\":\"" + nano + "\",\"characterIds\":[\"" + mira + "\"]}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(TestServer.parse(shared.server().json("GET", "/api/v1/videos", a, null))
                        .get("total")
                        .asInt())
                .as("no row written")
                .isZero();
    }

    @Test
    void aVideoFromBeforeCastsLoadsWithItsOneCharacter() throws Exception {
        String a = shared.server().newUser(), nano = shared.server().newCharacter(a, "Nano");
        var created = shared.server()
                .json(
                        "POST",
                        "/api/v1/videos",
                        a,
                        "{\"theme\":\"rain\",\"characterId\":\"" + nano + "\",\"blocks\":1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = TestServer.parse(created).get("id").asText();
        // a row written before V3__cast.sql has no cast_json
        shared.server()
                .db()
                .useHandle(h -> h.createUpdate("UPDATE videos SET cast_json = NULL WHERE id = ?")
                        .bind(0, id)
                        .execute());
        JsonNode video = TestServer.parse(shared.server().json("GET", "/api/v1/videos/" + id, a, null));
        assertThat(video.get("cast").findValuesAsText("characterId")).containsExactly(nano);
        assertThat(video.get("cast").findValuesAsText("name")).containsExactly("Nano");
    }
}
