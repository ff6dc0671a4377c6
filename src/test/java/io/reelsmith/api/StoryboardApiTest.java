package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import io.reelsmith.app.Provider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.testkit.GoogleBill;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parallel video through the API against the Gemini emulator (Veo on Vertex AI): its storyboard is drawn and one
 * keyframe redrawn while it is a draft, with the price of the video still to come, before any video call; a start over
 * the budget is refused (402) before any video call; a start within it films one clip per block from the keyframes
 * drawn (none drawn again), and the spend equals what Google would bill for the emulator's calls.
 */
class StoryboardApiTest {
    @RegisterExtension
    static final GoogleEmulatorExtension gemini = new GoogleEmulatorExtension();

    static GoogleConfig google;
    static Client client;

    @BeforeAll
    static void client() {
        google = gemini.config();
        client = GoogleClients.create(google);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static TestServer server(Path dir, String budget) throws Exception {
        JobStages stages = (name, spend) ->
                !Provider.isPaid(name) ? MoneyTest.local(name) : GoogleBill.fastStages(google, spend, client);
        return new TestServer(
                dir, MoneyTest::local, stages, () -> google, Map.of("reelsmith.budget.user.usd", budget), true);
    }

    static JsonNode planParallel(TestServer s, String token, int blocks) throws Exception {
        var r = s.json(
                "POST",
                "/api/v1/videos",
                token,
                "{\"theme\":\"a map in the attic\",\"characterId\":\"" + MoneyTest.character(s, token)
                        + "\",\"blocks\":" + blocks + ",\"provider\":\"google\",\"plan\":\"parallel\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.parse(r);
    }

    static long billable(String kind) {
        return gemini.log().calls().stream()
                .filter(c -> c.billable() && c.kind().equals(kind))
                .count();
    }

    @Test
    void theStoryboardIsDrawnAndRedrawnBeforeAnyVideoIsPaidThenTheVideoIsFilmedFromIt(@TempDir Path dir)
            throws Exception {
        try (TestServer s = server(dir, "50")) {
            String token = s.newUser();
            JsonNode planned = planParallel(s, token, 2);
            String id = planned.get("id").asText(), path = "/api/v1/videos/" + id;
            assertThat(planned.get("plan").asText()).isEqualTo("parallel");
            assertThat(planned.get("plans")).hasSize(2);
            assertThat(planned.get("plans").get(1).get("wall").asText()).isEqualTo("1 L + 2 image calls");
            BigDecimal image = google.prices().perImage(),
                    clip =
                            google.prices()
                                    .videoPerSecond()
                                    .multiply(BigDecimal.valueOf(8))
                                    .add(google.prices().perDriftCheck());

            JsonNode board = TestServer.parse(s.json("GET", path + "/storyboard", token, null));
            assertThat(board.get("keyframes"))
                    .hasSize(3)
                    .allMatch(k -> k.get("status").asText().equals("pending")
                            && k.get("image").isNull());
            assertThat(board.get("drawUsd").decimalValue())
                    .isEqualByComparingTo(image.multiply(BigDecimal.valueOf(3)).setScale(2, RoundingMode.UP));
            assertThat(board.get("videoUsd").decimalValue())
                    .isEqualByComparingTo(clip.multiply(BigDecimal.valueOf(2)).setScale(2, RoundingMode.UP));

            var drawn = s.json("POST", path + "/storyboard", token, null);
            assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(200);
            board = TestServer.parse(drawn);
            assertThat(board.get("drawn").asBoolean()).isTrue();
            assertThat(board.get("keyframes"))
                    .allMatch(k -> k.get("status").asText().equals("done")
                            && !k.get("scene").asText().isBlank());
            assertThat(billable("image")).as("3 keyframes, each drawn once").isEqualTo(3);
            var png = s.send("GET", board.get("keyframes").get(1).get("image").asText(), token, null, null);
            assertThat(png.statusCode()).isEqualTo(200);

            board = TestServer.parse(s.json("POST", path + "/storyboard/2/redraw", token, null));
            assertThat(board.get("keyframes").get(1).get("redraws").asInt()).isEqualTo(1);
            assertThat(billable("image")).as("one more picture for the redraw").isEqualTo(4);
            JsonNode spend = TestServer.parse(s.json("GET", "/api/v1/spend", token, null));
            assertThat(spend.get("entries").findValuesAsText("step"))
                    .contains("keyframe-1", "keyframe-2", "keyframe-3", "keyframe-2.redraw-1");
            assertThat(board.get("spentUsd").decimalValue())
                    .isEqualByComparingTo(image.multiply(BigDecimal.valueOf(4)).setScale(2, RoundingMode.UP));
            assertThat(gemini.log().calls().stream().filter(c -> c.kind().equals("interpolate")))
                    .as("no video before the start")
                    .isEmpty();
            assertThat(s.json("POST", path + "/storyboard/9/redraw", token, null)
                            .statusCode())
                    .isEqualTo(404);

            assertThat(s.json("POST", path + "/start", token, null).statusCode())
                    .isEqualTo(200);
            JsonNode v = s.awaitFinished(token, id);
            assertThat(v.get("status").asText()).as(v.toString()).isEqualTo("completed");
            assertThat(billable("interpolate")).as("one clip per block").isEqualTo(2);
            assertThat(billable("image"))
                    .as("the storyboard's keyframes were used, none drawn again")
                    .isEqualTo(4);
            assertThat(s.json("POST", path + "/storyboard/1/redraw", token, null)
                            .statusCode())
                    .as("no redraw once started")
                    .isEqualTo(409);
            spend = TestServer.parse(s.json("GET", "/api/v1/spend", token, null));
            // every billable call of this test (the script's, the keyframes', the redraw's, the clips' and their drift
            // checks')
            assertThat(spend.get("spentUsd").decimalValue().setScale(2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(GoogleBill.of(gemini.log(), google).setScale(2, RoundingMode.HALF_UP));
            assertThat(spend.get("entries")).hasSize((int)
                    gemini.log().calls().stream().filter(CallLog.Call::billable).count());
        }
    }

    @Test
    void aStartOverTheBudgetIsRefusedWith402BeforeAnyVideoCall(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir, "5")) {
            String token = s.newUser();
            String id = planParallel(s, token, 2).get("id").asText(), path = "/api/v1/videos/" + id;
            assertThat(s.json("POST", path + "/storyboard", token, null).statusCode())
                    .isEqualTo(200); // $0.21 of keyframes fits $5
            var r = s.json("POST", path + "/start", token, null);
            assertThat(r.statusCode())
                    .as(r.body())
                    .isEqualTo(402); // two 8 s clips with their drift checks: $6.41 > what is left
            assertThat(TestServer.parse(r).get("estimateUsd").decimalValue()).isEqualByComparingTo("6.41");
            assertThat(gemini.log().calls().stream().map(CallLog.Call::kind))
                    .as("images only: no video call")
                    .allMatch(List.of("image", "text")::contains);
            assertThat(TestServer.parse(s.json("GET", path, token, null))
                            .get("status")
                            .asText())
                    .isEqualTo("draft");
        }
    }
}
