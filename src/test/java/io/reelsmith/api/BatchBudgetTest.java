package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.testkit.GoogleBill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A google batch through the Gemini emulator (Veo on Vertex AI), with {@link MoneyTest}'s emulator and server:
 * five 1-block themes under a budget that covers three videos. Exactly three videos are paid for (three scripts,
 * three clips in the emulator's billable log), the other two are skipped for the budget before any call, and the
 * batch's spend is within its budget and equal to the emulator's bill. The owner's own budget applies too.
 */
class BatchBudgetTest {
    @BeforeAll
    static void start() throws Exception {
        MoneyTest.start();
    }

    @AfterAll
    static void stop() {
        MoneyTest.stop();
    }

    @BeforeEach
    void clearLog() {
        MoneyTest.emulator.log().clear();
    }

    /** One 1-block video: its script and its 8 s clip, from the price table the server uses. */
    static BigDecimal oneVideo() {
        return GoogleBill.oneBlockVideo(MoneyTest.google);
    }

    static JsonNode batch(TestServer s, String token, String budget) throws Exception {
        var r = s.json(
                "POST",
                "/api/v1/batches",
                token,
                "{\"themes\":[\"a map in the attic\",\"a kite on the beach\",\"a cake for grandma\","
                        + "\"a lost cat\",\"a race of snails\"],\"characterId\":\"" + MoneyTest.character(s, token)
                        + "\",\"blocks\":1,"
                        + "\"provider\":\"google\",\"budgetUsd\":" + budget + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return BatchApiTest.awaitFinished(
                s, token, TestServer.parse(r).get("id").asText(), Duration.ofSeconds(120));
    }

    static List<String> statuses(JsonNode batch) {
        List<String> out = new ArrayList<>();
        batch.get("videos").forEach(v -> out.add(v.get("status").asText()));
        return out;
    }

    @Test
    void fiveThemesUnderABudgetForThreePayForThreeAndSkipTwoBeforeAnyCall(@TempDir Path dir) throws Exception {
        BigDecimal budget = oneVideo().multiply(BigDecimal.valueOf(3)).add(new BigDecimal("0.01"));
        try (TestServer s = MoneyTest.server(dir, true, "50")) {
            String token = s.newUser();
            JsonNode b = batch(s, token, budget.toPlainString());
            assertThat(statuses(b))
                    .as(b.toString())
                    .containsExactly("completed", "completed", "completed", "skipped", "skipped");
            JsonNode fourth = b.get("videos").get(3), fifth = b.get("videos").get(4);
            assertThat(fourth.get("reason").asText()).isEqualTo("budget");
            assertThat(fourth.get("message").asText())
                    .contains("batch budget has")
                    .contains("nothing was spent");
            assertThat(fifth.get("message").asText()).contains("the batch stopped at theme 4");
            assertThat(b.get("counts").get("skipped").asInt()).isEqualTo(2);

            // Exactly three videos' billable calls: a script, an 8 s clip, its drift check and the take's transcription
            // each;
            // nothing for themes 4 and 5.
            assertThat(MoneyTest.billable("text")).isEqualTo(3);
            assertThat(MoneyTest.billable("generate")).isEqualTo(3);
            assertThat(MoneyTest.billable("vision")).isEqualTo(3);
            assertThat(MoneyTest.billable("transcribe")).isEqualTo(3);
            assertThat(MoneyTest.emulator.log().calls().stream()
                            .filter(CallLog.Call::billable)
                            .count())
                    .isEqualTo(12);
            assertThat(fourth.get("spentUsd").decimalValue()).isEqualByComparingTo("0");
            long skippedRows = s.db().withHandle(
                            h -> h.createQuery("SELECT COUNT(*) FROM videos WHERE id = ? OR id = ?")
                                    .bind(0, fourth.get("id").asText())
                                    .bind(1, fifth.get("id").asText())
                                    .mapTo(Long.class)
                                    .one());
            assertThat(skippedRows).as("skipped themes are never planned").isZero();

            // The batch's spend: within its budget, and what Google would bill, to the cent.
            BigDecimal spent = b.get("spentUsd").decimalValue();
            assertThat(spent).isLessThanOrEqualTo(budget);
            assertThat(spent.setScale(2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(MoneyTest.emulatorBill().setScale(2, RoundingMode.HALF_UP));
            assertThat(b.get("budgetUsd").decimalValue()).isEqualByComparingTo(budget);
        }
    }

    @Test
    void theOwnersBudgetStillAppliesInsideABatch(@TempDir Path dir) throws Exception {
        // The owner may spend one video and a half; the batch's own budget would allow all five.
        String userBudget = oneVideo().multiply(new BigDecimal("1.5")).toPlainString();
        try (TestServer s = MoneyTest.server(dir, true, userBudget)) {
            String token = s.newUser();
            JsonNode b = batch(s, token, "100");
            assertThat(statuses(b))
                    .as(b.toString())
                    .containsExactly("completed", "skipped", "skipped", "skipped", "skipped");
            assertThat(b.get("videos").get(1).get("message").asText()).contains("your budget");
            assertThat(MoneyTest.billable("generate")).isEqualTo(1);
            assertThat(MoneyTest.billable("text")).isEqualTo(1);
        }
    }
}
